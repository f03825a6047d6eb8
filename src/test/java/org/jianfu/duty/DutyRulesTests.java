package org.jianfu.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Locale;

import org.jianfu.account.Role;
import org.jianfu.audit.AuditTrail;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.ToDo;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules of requirement 20 on the duties, the workload standards and the competitions, at and beyond their limits. */
@JianfuIntegrationTest
@Import(DutyTestData.class)
class DutyRulesTests {

    @Autowired DutyTestData data;
    @Autowired Duties duties;
    @Autowired Workloads workloads;
    @Autowired Competitions competitions;
    @Autowired AuditTrail auditTrail;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;
    @Autowired java.util.List<ToDo> toDos;

    @Test
    void eachBannedDutyIsRefusedCitingRequirement20AndTheAttemptIsKeptForTheDistrict() {
        var school = data.schools(data.huairou()).get(0);
        var teacher = data.teachers(school, 1, "小学", "语文", "专任教师").get(0);
        var principal = data.person(Role.SCHOOL_USER, school);
        // one the city adds as data is banned as well as the two the requirement names
        var added = duties.addType(data.city(), "校外交通疏导" + System.nanoTime() % 100000, true);
        var banned = duties.types().stream().filter(DutyType::banned).toList();
        assertThat(banned).extracting(DutyType::name).contains("寄宿制学校安保", "食堂管理", added.name());

        for (var type : banned) {
            var duty = duties.record(principal, new Duties.DutyDraft(type.id(), teacher.teacherNumber(), new BigDecimal("3"),
                    data.today(), null));
            var refusal = Duties.refusal(duty);
            var chinese = messages.getMessage(refusal.messageKey(), refusal.arguments(), Locale.SIMPLIFIED_CHINESE);

            assertThat(duty.refused()).isTrue();
            assertThat(duty.state(data.today())).isEqualTo(Duty.State.REFUSED);
            assertThat(chinese).contains(type.name()).contains("第20条")
                    .contains("不得安排中小学教师承担寄宿制学校的安保、学校食堂管理等非教学管理工作");
            assertThat(auditTrail.recordsOf("school-duty", Long.toString(duty.id()), "duty.refused")).hasSize(1);
            assertThat(jdbc.sql("select count(*) from notification where kind = 'DUTY_REFUSED' and unit_id = ? and link like ?")
                    .param(data.huairou().id()).param("%school=" + school.id()).query(Long.class).single()).isPositive();
        }
        // none of them is in force: the teacher carries no duty hours
        var week = workloads.recordLessons(principal, teacher.teacherNumber(), 10);
        assertThat(week.dutyHours()).isEqualByComparingTo(BigDecimal.ZERO);
        // a refused duty cannot be ended either
        var refused = duties.list(principal, null, null, Duty.State.REFUSED, null, null).page().rows().get(0);
        assertThat(catchThrowableOfType(RuleViolation.class, () -> duties.end(principal, refused.id(), refused.version(), data.today()))
                .messageKey()).isEqualTo("duty.error.refused-not-in-force");
    }

    @Test
    void anAllowedDutyIsRecordedAndAuditedAndALiftedBanLetsItsTypeThrough() {
        var school = data.schools(data.huairou()).get(1);
        var teacher = data.teachers(school, 1, "初中", "数学", "专任教师").get(0);
        var principal = data.person(Role.SCHOOL_USER, school);
        var city = data.city();
        var type = duties.addType(city, "测试禁令" + System.nanoTime() % 100000, true);
        var lifted = duties.changeType(city, type.id(), type.version(), false);

        var duty = duties.record(principal, new Duties.DutyDraft(lifted.id(), teacher.teacherNumber(), new BigDecimal("1.5"),
                data.today(), null));

        assertThat(duty.refused()).isFalse();
        assertThat(duty.hoursPerWeek()).isEqualByComparingTo("1.5");
        assertThat(auditTrail.recordsOf("school-duty", Long.toString(duty.id()), "duty.recorded")).hasSize(1);
        assertThat(auditTrail.recordsOf("duty-type", Long.toString(type.id()), "duty.type-changed")).hasSize(1);
        // hours beyond one decimal or above 60 are refused, nothing written
        assertThat(catchThrowableOfType(RuleViolation.class, () -> duties.record(principal, new Duties.DutyDraft(lifted.id(),
                teacher.teacherNumber(), new BigDecimal("60.5"), data.today(), null))).messageKey()).isEqualTo("duty.error.hours");
        assertThat(catchThrowableOfType(RuleViolation.class, () -> duties.record(principal, new Duties.DutyDraft(lifted.id(),
                teacher.teacherNumber(), new BigDecimal("1.25"), data.today(), null))).messageKey()).isEqualTo("duty.error.hours");
    }

    @Test
    void aTeacherAboveTheWorkloadStandardIsFlaggedAndOneExactlyAtItIsNot() {
        var school = data.schools(data.huairou()).get(2);
        var subject = "工作量测试" + System.nanoTime() % 100000;
        var teachers = data.teachers(school, 3, "小学", subject, "专任教师");
        var principal = data.person(Role.SCHOOL_USER, school);
        // the most specific standard applies: 18 periods for this subject, not the 20 of every 小学 teacher
        workloads.setStandard(data.city(), "小学", subject, null, 18);
        var duty = duties.types().stream().filter(t -> !t.banned()).findFirst().orElseThrow();
        var toDoBefore = aboveOnToDo(principal);

        workloads.recordLessons(principal, teachers.get(0).teacherNumber(), 16);
        duties.record(principal, new Duties.DutyDraft(duty.id(), teachers.get(0).teacherNumber(), new BigDecimal("2"), data.today(), null));
        workloads.recordLessons(principal, teachers.get(1).teacherNumber(), 16);
        duties.record(principal, new Duties.DutyDraft(duty.id(), teachers.get(1).teacherNumber(), new BigDecimal("2.5"), data.today(), null));
        // a duty that ended yesterday no longer counts
        workloads.recordLessons(principal, teachers.get(2).teacherNumber(), 17);
        duties.record(principal, new Duties.DutyDraft(duty.id(), teachers.get(2).teacherNumber(), new BigDecimal("4"),
                data.today().minusDays(30), data.today().minusDays(1)));

        var rows = workloads.list(principal, null, null, false, null).rows();
        var atIt = rows.stream().filter(w -> w.teacherId() == teachers.get(0).id()).findFirst().orElseThrow();
        var aboveIt = rows.stream().filter(w -> w.teacherId() == teachers.get(1).id()).findFirst().orElseThrow();
        var dutyEnded = rows.stream().filter(w -> w.teacherId() == teachers.get(2).id()).findFirst().orElseThrow();

        assertThat(atIt.maxPeriods()).isEqualTo(18);
        assertThat(atIt.total()).isEqualByComparingTo("18");
        assertThat(atIt.aboveStandard()).isFalse();
        assertThat(aboveIt.total()).isEqualByComparingTo("18.5");
        assertThat(aboveIt.aboveStandard()).isTrue();
        assertThat(dutyEnded.total()).isEqualByComparingTo("17");
        assertThat(dutyEnded.aboveStandard()).isFalse();
        assertThat(workloads.list(principal, null, null, true, null).rows()).extracting(TeacherWorkload::teacherId)
                .containsExactly(teachers.get(1).id());
        assertThat(aboveOnToDo(principal)).isEqualTo(toDoBefore + 1);
        assertThat(auditTrail.recordsOf("duty-lessons", Long.toString(teachers.get(1).id()), "duty.lessons-recorded")).hasSize(1);
        // lessons out of range are refused
        assertThat(catchThrowableOfType(RuleViolation.class, () -> workloads.recordLessons(principal, teachers.get(0).teacherNumber(), 61))
                .messageKey()).isEqualTo("duty.error.lessons");
    }

    private int aboveOnToDo(org.jianfu.account.AccountPrincipal person) {
        return toDos.stream().flatMap(t -> t.itemsFor(person).stream()).filter(i -> i.menu() == ToDo.Menu.DUTIES)
                .mapToInt(ToDo.Item::count).sum();
    }

    @Test
    void aRepeatedCompetitionInOneYearIsFlaggedNamingTheEarlierOne() {
        var schools = data.schools(data.mentougou());
        var principal = data.person(Role.SCHOOL_USER, schools.get(0));
        var reporter = data.person(Role.DISTRICT_REPORTER, data.mentougou());
        var year = 2031;
        var content = "小学数学课堂教学" + System.nanoTime() % 100000;

        var first = competitions.record(principal, new Competitions.CompetitionDraft(null, "区青年教师基本功展示", "区教研中心", content,
                java.time.LocalDate.of(year, 3, 10)));
        // the same content (spaces and case aside), later the same year, recorded by the district for the school
        var repeat = competitions.record(reporter, new Competitions.CompetitionDraft(schools.get(0).id(), "市优质课评选", "市教科院",
                " " + content.replace("课堂", "课堂 ") + " ", java.time.LocalDate.of(year, 10, 9)));
        // the next year, or another school, is no repeat
        var nextYear = competitions.record(principal, new Competitions.CompetitionDraft(null, "区优质课评选", "区教研中心", content,
                java.time.LocalDate.of(year + 1, 3, 1)));
        var otherSchool = competitions.record(reporter, new Competitions.CompetitionDraft(schools.get(1).id(), "区优质课评选", "区教研中心",
                content, java.time.LocalDate.of(year, 5, 1)));

        assertThat(first.repeated()).isFalse();
        assertThat(repeat.repeated()).isTrue();
        assertThat(repeat.earlier().id()).isEqualTo(first.id());
        assertThat(repeat.earlier().name()).isEqualTo("区青年教师基本功展示");
        assertThat(nextYear.repeated()).isFalse();
        assertThat(otherSchool.repeated()).isFalse();
        assertThat(competitions.list(reporter, null, null, year, true, null).rows()).extracting(Competition::id)
                .containsExactly(repeat.id());
        assertThat(auditTrail.recordsOf("duty-competition", Long.toString(repeat.id()), "duty.competition-recorded")).hasSize(1);
        // a reporter's competition needs one of the district's schools
        assertThatThrownBy(() -> competitions.record(reporter, new Competitions.CompetitionDraft(data.schools(data.huairou()).get(0).id(),
                "某竞赛", "某单位", content, java.time.LocalDate.of(year, 6, 1)))).isInstanceOf(DutyNotFoundException.class);
    }
}
