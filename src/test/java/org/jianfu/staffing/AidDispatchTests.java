package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditTrail;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Aid and support dispatches (requirement 8) in 房山区: time away like a secondment, no six-month cap, the city's view, scope. */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
class AidDispatchTests {

    @Autowired StaffingTestData data;
    @Autowired AidDispatches dispatches;
    @Autowired Secondments secondments;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private AidTask task(int places, int months) {
        var start = data.today().minusDays(10);
        return dispatches.setTask(data.reporter(), new AidTaskDraft("XINJIANG", "新疆和田地区第一中学", places, start, start.plusMonths(months),
                "京教援〔2026〕2号"));
    }

    @Test
    void aDispatchOfTwoYearsIsRecordedWithoutTheSixMonthCapAndAudited() {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(0)).get(0);
        var task = task(2, 24);

        var dispatch = dispatches.send(reporter, task.id(), teacher.teacherNumber(), null, null);

        assertThat(dispatch.startsOn()).isEqualTo(task.startsOn());
        assertThat(dispatch.endsOn()).isEqualTo(task.startsOn().plusMonths(24));
        assertThat(dispatch.days()).isGreaterThan(700);
        assertThat(dispatch.schoolId()).isEqualTo(teacher.schoolId());
        assertThat(auditTrail.recordsOf("staffing-aid-dispatch", Long.toString(dispatch.id()), "staffing.aid-dispatch-recorded")).hasSize(1);
        assertThat(auditTrail.recordsOf("staffing-aid-task", Long.toString(task.id()), "staffing.aid-task-set")).hasSize(1);
    }

    @Test
    void aTeacherOnDispatchCountsAsAwayFromTheSchoolAndIsNotSecondedMeanwhile() {
        var reporter = data.reporter();
        var school = data.schools().get(1);
        var teachers = data.teachers(reporter, school, school);
        var year = data.today().getYear();
        var before = awayFrom(school.id(), year);
        var task = task(3, 12);

        dispatches.send(reporter, task.id(), teachers.get(0).teacherNumber(), null, null);
        var seconded = secondments.record(reporter, data.draft(teachers.get(1), Purpose.OTHER, data.today(), data.today().plusMonths(2)));
        var refused = catchThrowableOfType(RuleViolation.class, () -> secondments.record(reporter,
                data.draft(teachers.get(0), Purpose.OTHER, data.today(), data.today().plusMonths(1))));
        var refusedDispatch = catchThrowableOfType(RuleViolation.class,
                () -> dispatches.send(reporter, task.id(), teachers.get(1).teacherNumber(), null, null));
        var after = awayFrom(school.id(), year);

        assertThat(refused.messageKey()).isEqualTo("staffing.error.teacher-away");
        assertThat(refusedDispatch.messageKey()).isEqualTo("staffing.error.teacher-away");
        assertThat(seconded.id()).isPositive();
        assertThat(after.dispatched()).isEqualTo(before.dispatched() + 1);
        assertThat(after.seconded()).isEqualTo(before.seconded() + 1);
        assertThat(after.teachers()).isEqualTo(before.teachers() + 2);
        assertThat(after.days()).isGreaterThan(before.days() + 10);
    }

    private SchoolAway awayFrom(long schoolId, int year) {
        return dispatches.awayBySchool(data.reporter(), data.fangshan().id(), year).stream().filter(a -> a.schoolId() == schoolId).findFirst()
                .orElse(new SchoolAway(schoolId, "", 0, 0, 0, 0));
    }

    @Test
    void aTaskSendsNoMoreTeachersThanItsPlacesNorOutsideItsPeriod() {
        var reporter = data.reporter();
        var teachers = data.teachers(reporter, data.schools().get(0), data.schools().get(0));
        var task = task(1, 6);

        var outside = catchThrowableOfType(RuleViolation.class, () -> dispatches.send(reporter, task.id(), teachers.get(0).teacherNumber(),
                task.startsOn().minusDays(1), task.endsOn()));
        dispatches.send(reporter, task.id(), teachers.get(0).teacherNumber(), null, null);
        var full = catchThrowableOfType(RuleViolation.class, () -> dispatches.send(reporter, task.id(), teachers.get(1).teacherNumber(), null,
                null));

        assertThat(outside.messageKey()).isEqualTo("staffing.error.dispatch-outside-task");
        assertThat(full.messageKey()).isEqualTo("staffing.error.places-taken");
    }

    @Test
    void theCitySeesEachDistrictsTeachersAwayByNameWithTheDistrict() throws Exception {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(2)).get(0);
        dispatches.send(reporter, task(1, 12).id(), teacher.teacherNumber(), null, null);
        var city = data.person(Role.CITY_ADMIN, data.fixtures.city());

        var page = mvc.perform(get("/staffing/dispatches").with(user(city))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("房山区教育委员会").contains(teacher.name()).contains("援疆");
        var count = dispatches.byDistrict(city, null, data.today().getYear()).get(data.fangshan().id());
        assertThat(count.teachers()).isPositive();
        assertThat(count.awayNow()).isPositive();
    }

    @Test
    void aDistrictCannotSeeOrChangeAnotherDistrictsDispatches() throws Exception {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(0)).get(0);
        var task = task(1, 3);
        var dispatch = dispatches.send(reporter, task.id(), teacher.teacherNumber(), null, null);
        var other = data.person(Role.DISTRICT_REPORTER, data.changping());

        assertThat(catchThrowableOfType(StaffingNotFoundException.class, () -> dispatches.task(other, task.id()))).isNotNull();
        mvc.perform(get("/staffing/dispatches/tasks/" + task.id()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get("/staffing/dispatches").param("district", "" + data.fangshan().id()).with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/staffing/dispatches/tasks/" + task.id() + "/teachers").with(user(other)).with(csrf())
                .param("teacherNumber", teacher.teacherNumber())).andExpect(status().isNotFound());
        mvc.perform(post("/staffing/dispatches/" + dispatch.id() + "/return").with(user(other)).with(csrf())
                .param("version", "" + dispatch.version()).param("returnedOn", data.today().toString())).andExpect(status().isNotFound());
        mvc.perform(get("/staffing/dispatches").with(user(other))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(teacher.name()))));
        assertThat(jdbc.sql("select returned_on is null from staffing_aid_dispatch where id = ?").param(dispatch.id()).query(Boolean.class)
                .single()).isTrue();
    }
}
