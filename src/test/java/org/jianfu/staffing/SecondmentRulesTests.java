package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.jianfu.account.Role;
import org.jianfu.audit.AuditTrail;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The rules of requirement 18 on secondments, in 房山区: approvals, the six-month limit, reasons, overdue alerts, scope. */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
class SecondmentRulesTests {

    @Autowired StaffingTestData data;
    @Autowired Secondments secondments;
    @Autowired SecondmentLists lists;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired StaffingToDo toDo;

    private long secondmentsOf(long teacherId) {
        return jdbc.sql("select count(*) from staffing_secondment where teacher_id = ?").param(teacherId).query(Long.class).single();
    }

    @Test
    void aSecondmentWithoutTheApprovalIsRefusedNamingWhatIsMissing() {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(0)).get(0);
        var full = data.draft(teacher, Purpose.OTHER, data.today(), data.today().plusMonths(2));
        var noApproval = new SecondmentDraft(full.teacherNumber(), full.borrowerName(), null, full.purpose(), full.reason(), full.startsOn(),
                full.endsOn(), full.consentDocument(), full.consentOn(), "", null);
        var noEither = new SecondmentDraft(full.teacherNumber(), full.borrowerName(), null, full.purpose(), full.reason(), full.startsOn(),
                full.endsOn(), null, null, null, null);

        var refused = catchThrowableOfType(RuleViolation.class, () -> secondments.record(reporter, noApproval));
        var refusedBoth = catchThrowableOfType(RuleViolation.class, () -> secondments.record(reporter, noEither));

        assertThat(refused.messageKey()).isEqualTo("staffing.error.no-approval");
        assertThat(refusedBoth.messageKey()).isEqualTo("staffing.error.no-consent-or-approval");
        assertThat(secondmentsOf(teacher.id())).isZero();
    }

    @Test
    void aSecondmentWithoutAReasonIsRefused() {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(0)).get(0);
        var full = data.draft(teacher, Purpose.OTHER, data.today(), data.today().plusMonths(1));
        var noReason = new SecondmentDraft(full.teacherNumber(), full.borrowerName(), null, full.purpose(), "  ", full.startsOn(),
                full.endsOn(), full.consentDocument(), full.consentOn(), full.approvalDocument(), full.approvalOn());

        var refused = catchThrowableOfType(RuleViolation.class, () -> secondments.record(reporter, noReason));

        assertThat(refused.messageKey()).isEqualTo("staffing.error.reason-required");
        assertThat(secondmentsOf(teacher.id())).isZero();
    }

    @Test
    void exactlySixMonthsIsAllowedAndOneDayMoreOnlyWithAnApprovedExtension() {
        var reporter = data.reporter();
        var teachers = data.teachers(reporter, data.schools().get(0), data.schools().get(0));
        var start = data.today();

        var sixMonths = secondments.record(reporter, data.draft(teachers.get(0), Purpose.OTHER, start, start.plusMonths(6)));
        var refused = catchThrowableOfType(RuleViolation.class,
                () -> secondments.record(reporter, data.draft(teachers.get(1), Purpose.OTHER, start, start.plusMonths(6).plusDays(1))));
        var extended = secondments.extend(data.approver(), sixMonths.id(), sixMonths.version(), start.plusMonths(6).plusDays(1),
                "房组备〔2026〕9号", data.today());

        assertThat(sixMonths.endsOn()).isEqualTo(start.plusMonths(6));
        assertThat(refused.messageKey()).isEqualTo("staffing.error.too-long");
        assertThat(refused.arguments()).containsExactly(6, start.plusMonths(6).toString());
        assertThat(secondmentsOf(teachers.get(1).id())).isZero();
        assertThat(extended.endsOn()).isEqualTo(start.plusMonths(6).plusDays(1));
        assertThat(secondments.extensions(data.approver(), sixMonths.id())).singleElement()
                .satisfies(e -> assertThat(e.approvalDocument()).isEqualTo("房组备〔2026〕9号"));
        // the reporter records, the approver extends: the reporter cannot extend
        assertThat(catchThrowableOfType(org.springframework.security.access.AccessDeniedException.class,
                () -> secondments.extend(reporter, sixMonths.id(), extended.version(), start.plusMonths(7), "x", data.today()))).isNotNull();
    }

    @Test
    void anOverdueSecondmentAlertsItsDistrictOnceWhenTheClockPassesItsEnd() {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(0)).get(0);
        var s = secondments.record(reporter, data.draft(teacher, Purpose.OTHER, data.today().minusDays(20), data.today().plusDays(2)));
        var link = "/staffing/secondments/" + s.id();
        secondments.alertOverdue();
        var before = notifications(link);

        clock.advance(Duration.ofDays(3));
        secondments.alertOverdue();
        secondments.alertOverdue();

        assertThat(before).isZero();
        assertThat(notifications(link)).isEqualTo(1);
        assertThat(jdbc.sql("select unit_id from notification where link = ?").param(link).query(Long.class).single())
                .isEqualTo(data.fangshan().id());
        assertThat(lists.overdueByDistrict(data.person(Role.CITY_ADMIN, data.fixtures.city())).get(data.fangshan().id())).isPositive();
        assertThat(toDo.itemsFor(reporter)).singleElement().satisfies(item -> {
            assertThat(item.messageKey()).isEqualTo("staffing.todo.overdue");
            assertThat(item.count()).isPositive();
        });
    }

    private int notifications(String link) {
        return jdbc.sql("select count(*) from notification where kind = 'SECONDMENT_OVERDUE' and link = ?").param(link).query(Integer.class)
                .single();
    }

    @Test
    void aSchoolAboveTheYearlyLimitOfTeachersDraftedIntoInspectionsIsFlagged() {
        var reporter = data.reporter();
        var school = data.schools().get(1);
        var teachers = data.teachers(reporter, school, school, school);
        var year = data.today().getYear();
        var start = java.time.LocalDate.of(year, 1, 5);
        var limit = lists.settings().inspectionTeachersLimit();
        assertThat(limit).isEqualTo(2);

        secondments.record(reporter, data.draft(teachers.get(0), Purpose.INSPECTION, start, start.plusDays(2)));
        secondments.record(reporter, data.draft(teachers.get(1), Purpose.INSPECTION, start, start.plusDays(2)));
        var atLimit = row(reporter, school.id(), year);
        secondments.record(reporter, data.draft(teachers.get(2), Purpose.INSPECTION, start, start.plusDays(2)));
        var above = row(reporter, school.id(), year);

        assertThat(atLimit.teachers()).isEqualTo(2);
        assertThat(atLimit.days()).isEqualTo(6);
        assertThat(atLimit.flagged()).isFalse();
        assertThat(above.teachers()).isEqualTo(3);
        assertThat(above.days()).isEqualTo(9);
        assertThat(above.flagged()).isTrue();
    }

    private Secondments.Drafting row(org.jianfu.account.AccountPrincipal me, long schoolId, int year) {
        return secondments.drafting(me, data.fangshan().id(), year).stream().filter(d -> d.schoolId() == schoolId).findFirst().orElseThrow();
    }

    @Test
    void everyChangeOfASecondmentIsAuditedWithItsBeforeAndAfter() {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(0)).get(0);
        // as through a page: the audit trail names the person signed in
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(reporter, null, reporter.getAuthorities()));
        Secondment s;
        Secondment ended;
        try {
            s = secondments.record(reporter, data.draft(teacher, Purpose.MAJOR_TASK, data.today().minusDays(5), data.today().plusMonths(1)));
            ended = secondments.end(reporter, s.id(), s.version(), data.today());
        }
        finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }

        var recorded = auditTrail.recordsOf("staffing-secondment", Long.toString(s.id()), "staffing.secondment-recorded");
        var returned = auditTrail.recordsOf("staffing-secondment", Long.toString(s.id()), "staffing.secondment-ended");

        assertThat(ended.returnedOn()).isEqualTo(data.today());
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.before()).isNull();
            assertThat(r.after()).contains("区委巡察办");
            assertThat(r.actorUsername()).isEqualTo(reporter.username());
        });
        assertThat(returned).singleElement().satisfies(r -> {
            assertThat(r.before()).contains("\"returnedOn\":null");
            assertThat(r.after()).contains(data.today().toString());
        });
        assertThat(secondments.history(reporter, s.id())).extracting(h -> h.action())
                .containsExactly("staffing.secondment-recorded", "staffing.secondment-ended");
    }

    @Test
    void aSecondmentIsSeenByItsSchoolItsDistrictAndTheCityButNotByAnotherSchoolOrDistrict() throws Exception {
        var reporter = data.reporter();
        var own = data.schools().get(0);
        var otherSchool = data.schools().get(1);
        var teacher = data.teachers(reporter, own).get(0);
        var s = secondments.record(reporter, data.draft(teacher, Purpose.OTHER, data.today(), data.today().plusMonths(1)));
        var path = "/staffing/secondments/" + s.id();

        mvc.perform(get(path).with(user(data.person(Role.SCHOOL_USER, own)))).andExpect(status().isOk());
        mvc.perform(get(path).with(user(reporter))).andExpect(status().isOk());
        mvc.perform(get(path).with(user(data.person(Role.SUPERVISOR, data.fixtures.city())))).andExpect(status().isOk());
        mvc.perform(get(path).with(user(data.person(Role.SCHOOL_USER, otherSchool)))).andExpect(status().isNotFound());
        mvc.perform(get(path).with(user(data.person(Role.DISTRICT_REPORTER, data.fixtures.haidian())))).andExpect(status().isNotFound());
        mvc.perform(get(path).with(user(data.users.loadUserByUsername("dept.user")))).andExpect(status().isForbidden());
        // the other school's list does not show it; its own school's does
        var otherList = lists.list(data.person(Role.SCHOOL_USER, otherSchool), null, SecondmentRepository.Filter.ALL, null);
        var ownList = lists.list(data.person(Role.SCHOOL_USER, own), null, SecondmentRepository.Filter.ALL, null);
        assertThat(otherList.rows()).noneMatch(r -> r.id() == s.id());
        assertThat(ownList.rows()).anyMatch(r -> r.id() == s.id());
        assertThat(ownList.rows()).allMatch(r -> r.schoolId() == own.id());
        // another district's reporter cannot change it either
        assertThat(catchThrowableOfType(StaffingNotFoundException.class, () -> secondments.end(data.person(Role.DISTRICT_REPORTER,
                data.fixtures.haidian()), s.id(), s.version(), data.today()))).isNotNull();
    }
}
