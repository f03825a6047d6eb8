package org.jianfu.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jianfu.account.Role;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.ToDo;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exam register end to end on the real database, in districts of its own (rolled back after each test): a plan filed
 * and arranged, sessions, a proposal within the rules, a messy sheet imported with an unplanned exam flagged, the ledger
 * figures, and who may see what.
 */
@JianfuIntegrationTest
@Import(ExamTestData.class)
@Transactional
class ExamRegisterTests {

    static final int YEAR = LocalDate.now().getYear();
    static final LocalDate DAY = LocalDate.of(YEAR, 6, 6);

    @Autowired ExamTestData data;
    @Autowired ExamPlans plans;
    @Autowired Proposals proposals;
    @Autowired DutyImports imports;
    @Autowired ExamSpreads spreads;
    @Autowired ExamFigures figures;
    @Autowired List<RegisterFigures> registers;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ExamToDo toDo;

    ExamPlan arrangedPlan(ExamTestData.Area area, String name) {
        var department = data.person(Role.DEPARTMENT_USER, area.department());
        var plan = plans.file(department, new ExamPlans.PlanDraft(name, "市人事考试中心", DAY, DAY.plusDays(1), 2, 300, 10, "第1中学"));
        return plans.decide(data.person(Role.DISTRICT_APPROVER, area.district()), plan.id(), plan.version(), ExamPlans.Decision.ARRANGE, null);
    }

    @Test
    void aDepartmentFilesItsPlanWithItsDistrictWhichArrangesOrRefusesWithAReasonAndBothHearOfIt() {
        var area = data.area("考务测试甲区", 2);
        var department = data.person(Role.DEPARTMENT_USER, area.department());
        var plan = plans.file(department, new ExamPlans.PlanDraft("二级建造师考试", "区人力社保局", DAY, DAY, 2, 500, 17, "第1中学"));
        assertThat(plan.arrangingUnitId()).isEqualTo(area.district().id());
        assertThat(plan.state()).isEqualTo(ExamPlan.State.SUBMITTED);
        assertThat(notices(area.district().id(), "EXAM_PLAN_FILED")).isEqualTo(1);

        var approver = data.person(Role.DISTRICT_APPROVER, area.district());
        assertThatThrownBy(() -> plans.decide(approver, plan.id(), plan.version(), ExamPlans.Decision.REFUSE, " "))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("exam.error.reason-required");
        // another district's approver does not even see it
        var other = data.area("考务测试乙区", 1);
        assertThatThrownBy(() -> plans.decide(data.person(Role.DISTRICT_APPROVER, other.district()), plan.id(), plan.version(),
                ExamPlans.Decision.ARRANGE, null)).isInstanceOf(ExamNotFoundException.class);

        var moved = plans.decide(approver, plan.id(), plan.version(), ExamPlans.Decision.MOVE, "改到第2中学");
        assertThat(moved.state()).isEqualTo(ExamPlan.State.MOVED);
        assertThat(moved.decisionNote()).isEqualTo("改到第2中学");
        assertThat(notices(area.department().id(), "EXAM_PLAN_MOVED")).isEqualTo(1);
        assertThat(audited("exam.plan-filed", plan.id()) + audited("exam.plan-decided", plan.id())).isEqualTo(2);

        // sessions only within the plan's days, at the commission's schools
        var reporter = data.person(Role.DISTRICT_REPORTER, area.district());
        assertThatThrownBy(() -> plans.addSession(reporter, plan.id(), new ExamPlans.SessionDraft(area.schools().get(1).id(), DAY.plusDays(3),
                LocalTime.of(9, 0), LocalTime.of(11, 0), 10, 2))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> plans.addSession(reporter, plan.id(), new ExamPlans.SessionDraft(other.schools().get(0).id(), DAY,
                LocalTime.of(9, 0), LocalTime.of(11, 0), 10, 2))).isInstanceOf(RuleViolation.class);
        var session = plans.addSession(reporter, plan.id(), new ExamPlans.SessionDraft(area.schools().get(1).id(), DAY, LocalTime.of(9, 0),
                LocalTime.of(11, 0), 10, 2));
        assertThat(session.invigilators()).isEqualTo(20);
        assertThat(audited("exam.session-added", session.id())).isEqualTo(1);
    }

    @Test
    void eachSeesOnlyItsOwnPlansTheDistrictItsAreaTheCityAllTheDepartmentItsOwn() {
        var area = data.area("考务测试丙区", 1);
        var other = data.area("考务测试丁区", 1);
        var plan = arrangedPlan(area, "教师资格考试");
        var otherPlan = arrangedPlan(other, "会计专业技术资格考试");
        var reporter = data.person(Role.DISTRICT_REPORTER, area.district());
        assertThat(plans.list(reporter, YEAR)).extracting(ExamPlan::id).contains(plan.id()).doesNotContain(otherPlan.id());
        assertThat(plans.list(data.city(), YEAR)).extracting(ExamPlan::id).contains(plan.id(), otherPlan.id());
        assertThat(plans.list(data.person(Role.DEPARTMENT_USER, other.department()), YEAR)).extracting(ExamPlan::id)
                .containsExactly(otherPlan.id());
        assertThatThrownBy(() -> plans.readable(reporter, otherPlan.id())).isInstanceOf(ExamNotFoundException.class);
        assertThatThrownBy(() -> plans.readable(data.person(Role.SCHOOL_USER, area.schools().get(0)), plan.id()))
                .isInstanceOf(ExamNotFoundException.class);
        assertThatThrownBy(() -> spreads.view(reporter, other.district().id(), YEAR)).isInstanceOf(ExamNotFoundException.class);
        assertThatThrownBy(() -> proposals.propose(data.person(Role.DISTRICT_APPROVER, area.district()), area.district().id(), YEAR))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aProposalKeepsTheRulesReachesTheBoundAndShowsOnTheLedgerAsTheSpread() throws Exception {
        var area = data.area("考务测试戊区", 3);
        var teachers = data.teachers(area, 10);
        var plan = arrangedPlan(area, "全国计算机等级考试");
        var reporter = data.person(Role.DISTRICT_REPORTER, area.district());
        // two overlapping sessions at one school, one the next day: 12 + 12 + 6 places over 30 teachers
        plans.addSession(reporter, plan.id(), new ExamPlans.SessionDraft(area.schools().get(0).id(), DAY, LocalTime.of(9, 0), LocalTime.of(11, 0), 6, 2));
        plans.addSession(reporter, plan.id(), new ExamPlans.SessionDraft(area.schools().get(0).id(), DAY, LocalTime.of(10, 0), LocalTime.of(12, 0), 6, 2));
        plans.addSession(reporter, plan.id(), new ExamPlans.SessionDraft(area.schools().get(1).id(), DAY.plusDays(1), LocalTime.of(9, 0),
                LocalTime.of(11, 0), 3, 2));
        // one teacher exempt on the first day
        proposals.exempt(reporter, area.district().id(), teachers.get(0).teacherNumber(), DAY, DAY, "孕期");

        var proposal = proposals.propose(reporter, area.district().id(), YEAR);
        assertThat(proposal.places()).isEqualTo(30);
        assertThat(proposal.unfilled()).isZero();
        assertThat(proposal.teacherGap()).isZero();
        var rows = jdbc.sql("select session_id, teacher_id from exam_proposal_assignment where proposal_id = ?").param(proposal.id())
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
        assertThat(rows).hasSize(30);
        // nobody twice: 30 places over 30 teachers, but the exempt one may not take the first day's
        assertThat(rows.stream().map(r -> r[1]).distinct().count()).isEqualTo(30);
        var firstDay = jdbc.sql("select id from exam_session where plan_id = ? and held_on = ?").params(plan.id(), DAY).query(Long.class).list();
        assertThat(rows).noneMatch(r -> r[1] == teachers.get(0).id() && firstDay.contains(r[0]));

        var approver = data.person(Role.DISTRICT_APPROVER, area.district());
        proposals.accept(approver, proposal.id(), proposal.version());
        var spread = figure(area.district().id(), "exam.spread");
        // every teacher one session: the busiest tenth (3 of 30) carry 3 of 30 sessions
        assertThat(((Number) spread.arguments()[0]).doubleValue()).isEqualTo(10.0);
        assertThat(spread.alert()).isFalse();
        assertThat(figure(area.district().id(), "exam.hosted").arguments()).containsExactly(3L, 2L, 2L);
        assertThat(figure(area.district().id(), "exam.plans").arguments()).containsExactly(1L, 1L);

        mvc.perform(get("/exams/spread").param("district", "" + area.district().id()).with(user(reporter)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("data-exam-chart")));
        mvc.perform(get("/exams/plans/" + plan.id()).with(user(reporter))).andExpect(status().isOk());
        mvc.perform(get("/exams").with(user(data.person(Role.DEPARTMENT_USER, area.department())))).andExpect(status().isOk());
    }

    @Test
    void aMessySheetIsImportedAnExamInNoPlanIsFlaggedAndAConcentrationIsAnAlert() throws Exception {
        var area = data.area("考务测试己区", 2);
        var teachers = data.teachers(area, 3);
        arrangedPlan(area, "全国英语等级考试");
        var school = area.schools().get(0).name();
        var rows = new ArrayList<List<String>>();
        rows.add(Arrays.asList("考试名称", "日期", "时间", "姓名", "学校"));
        rows.add(Arrays.asList(null, null, null, null, null));
        // the exam and day written once for the rows below (merged cells), full-width digits, a blank row in between
        rows.add(Arrays.asList("全国英语等级考试", fullWidth(YEAR + "年6月6日"), fullWidth("09:00—11:00"), teachers.get(0).name(), school));
        rows.add(Arrays.asList(null, null, "09:00-11:00", teachers.get(1).name(), school));
        rows.add(Arrays.asList(null, null, null, null, null));
        rows.add(Arrays.asList("某培训机构结业考试", YEAR + "/6/7", "14:00～16:30", teachers.get(0).name(), " " + school + " "));
        rows.add(Arrays.asList(null, null, "14:00-16:30", teachers.get(0).name(), school));
        var sheet = ExamTestData.messySheet(rows);
        var reporter = data.person(Role.DISTRICT_REPORTER, area.district());
        var imported = imports.importSheet(reporter, area.district().id(), "监考名单.xlsx", sheet);
        assertThat(imported.rows()).isEqualTo(4);
        assertThat(imported.unplanned()).isEqualTo(1);
        var unplanned = imports.unplanned(reporter, area.district().id(), YEAR);
        assertThat(unplanned).hasSize(1);
        assertThat(unplanned.get(0)[0]).isEqualTo("某培训机构结业考试");
        assertThat(jdbc.sql("select sum(hours) from exam_duty where import_id = ?").param(imported.id()).query(Double.class).single())
                .isEqualTo(2 + 2 + 2.5 + 2.5);
        var flagged = figure(area.district().id(), "exam.unplanned");
        assertThat(flagged.arguments()).containsExactly(1L);
        assertThat(flagged.alert()).isTrue();
        // one teacher of six carried three of four sessions: the busiest tenth (1) carry 75%, above the limit of 40
        var spread = figure(area.district().id(), "exam.spread");
        assertThat(spread.messageKey()).isEqualTo("exam.figure.spread-actual");
        assertThat(((Number) spread.arguments()[0]).doubleValue()).isEqualTo(75.0);
        assertThat(spread.alert()).isTrue();

        // a row naming nobody of the school: nothing stored, the row named
        rows.add(Arrays.asList("全国英语等级考试", YEAR + "-06-06", "09:00-11:00", "查无此人", school));
        var bad = ExamTestData.messySheet(rows);
        assertThatThrownBy(() -> imports.importSheet(reporter, area.district().id(), "错.xlsx", bad)).isInstanceOf(RuleViolation.class)
                .extracting("messageKey").isEqualTo("exam.import.error.teacher");
        // not a spreadsheet at all: refused at the door
        assertThatThrownBy(() -> imports.importSheet(reporter, area.district().id(), "x.xlsx", new byte[] { 'P', 'K', 3, 4, 0 }))
                .isInstanceOf(RuleViolation.class);
        assertThat(jdbc.sql("select count(*) from exam_duty_import where district_id = ?").param(area.district().id()).query(Long.class)
                .single()).isEqualTo(1);

        // the same sheet imported again replaces what it said of the same exams and days: nothing counted twice
        var again = imports.importSheet(reporter, area.district().id(), "监考名单（再次）.xlsx", sheet);
        assertThat(again.rows()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from exam_duty where district_id = ?").param(area.district().id()).query(Long.class).single())
                .isEqualTo(4);
        assertThat(((Number) figure(area.district().id(), "exam.spread").arguments()[0]).doubleValue()).isEqualTo(75.0);
        var audited = jdbc.sql("select before::text from audit_event where action = 'exam.duties-imported' and object_id = ?")
                .param(Long.toString(again.id())).query(String.class).single();
        assertThat(audited.replaceAll("\\s", "")).contains("\"rowsReplaced\":4");
    }

    @Test
    void earlierSessionsOfTheYearCountAgainstTheCapAndSettledSessionsAreLeftAlone() throws Exception {
        jdbc.sql("update exam_settings set yearly_cap = 3 where id = 1").update();
        var area = data.area("考务测试庚区", 1);
        var teachers = data.teachers(area, 2);
        var busy = teachers.get(0);
        var reporter = data.person(Role.DISTRICT_REPORTER, area.district());
        var approver = data.person(Role.DISTRICT_APPROVER, area.district());
        // the exam office's sheet: the first teacher already did two sessions this year, one below the cap of 3
        var school = area.schools().get(0).name();
        var rows = new ArrayList<List<String>>();
        rows.add(Arrays.asList("考试名称", "日期", "时间", "姓名", "学校"));
        rows.add(Arrays.asList("某协会等级考试", YEAR + "-03-07", "09:00-11:00", busy.name(), school));
        rows.add(Arrays.asList("某协会等级考试", YEAR + "-03-08", "09:00-11:00", busy.name(), school));
        imports.importSheet(reporter, area.district().id(), "上半年.xlsx", ExamTestData.messySheet(rows));
        var plan = arrangedPlan(area, "全国会计资格考试");
        for (var day = 0; day < 2; day++) {
            for (var start : new int[] { 9, 14 }) {
                plans.addSession(reporter, plan.id(), new ExamPlans.SessionDraft(area.schools().get(0).id(), DAY.plusDays(day),
                        LocalTime.of(start, 0), LocalTime.of(start + 2, 0), 1, 1));
            }
        }

        var first = proposals.propose(reporter, area.district().id(), YEAR);
        assertThat(first.priorSessions()).isEqualTo(2);
        assertThat(first.places()).isEqualTo(4);
        assertThat(first.unfilled()).isZero();
        assertThat(assigned(first.id(), busy.id())).isEqualTo(1);
        assertThat(assigned(first.id(), teachers.get(1).id())).isEqualTo(3);
        assertThat(first.teacherGap()).isZero();

        // two proposals made side by side: once one is accepted, the other is overtaken
        var twin = proposals.propose(reporter, area.district().id(), YEAR);
        proposals.accept(approver, twin.id(), twin.version());
        assertThatThrownBy(() -> proposals.accept(approver, first.id(), first.version())).isInstanceOf(RuleViolation.class)
                .extracting("messageKey").isEqualTo("exam.error.proposal-overtaken");

        // a later exam: the accepted sessions stay as they are, and both teachers are at the cap with what they carried
        var later = arrangedPlan(area, "普通话水平测试");
        plans.addSession(reporter, later.id(), new ExamPlans.SessionDraft(area.schools().get(0).id(), DAY, LocalTime.of(17, 0),
                LocalTime.of(18, 0), 1, 1));
        var second = proposals.propose(reporter, area.district().id(), YEAR);
        assertThat(second.places()).isEqualTo(1);
        assertThat(second.priorSessions()).isEqualTo(6);
        assertThat(second.unfilled()).isEqualTo(1);
        // the page's "after" is the whole year: 2 done + 4 accepted, busiest tenth (1 of 2) carrying half
        var view = spreads.view(reporter, area.district().id(), YEAR);
        assertThat(view.after().teacherSessions().total()).isEqualTo(6.0);
        assertThat(view.after().teacherSessions().max()).isEqualTo(3.0);
        // the ledger reads the imported sheet where there is one
        assertThat(figure(area.district().id(), "exam.spread").messageKey()).isEqualTo("exam.figure.spread-actual");

        // with a cap of 4 the later session finds someone; then its exam's list of who did it comes in: that session is
        // settled, the open proposal overtaken
        jdbc.sql("update exam_settings set yearly_cap = 4 where id = 1").update();
        var third = proposals.propose(reporter, area.district().id(), YEAR);
        assertThat(third.unfilled()).isZero();
        rows.add(Arrays.asList("普通话水平测试", DAY.toString(), "17:00-18:00", teachers.get(1).name(), school));
        imports.importSheet(reporter, area.district().id(), "下半年.xlsx", ExamTestData.messySheet(rows));
        assertThatThrownBy(() -> proposals.accept(approver, third.id(), third.version())).isInstanceOf(RuleViolation.class)
                .extracting("messageKey").isEqualTo("exam.error.proposal-overtaken");
        assertThatThrownBy(() -> proposals.propose(reporter, area.district().id(), YEAR)).isInstanceOf(RuleViolation.class)
                .extracting("messageKey").isEqualTo("exam.error.no-sessions");
    }

    @Test
    void plansWaitingToBeArrangedAreOnTheCommissionsToDoUntilDecided() {
        var area = data.area("考务测试辛区", 1);
        var reporter = data.person(Role.DISTRICT_REPORTER, area.district());
        assertThat(toDo.itemsFor(reporter)).singleElement().extracting(ToDo.Item::count).isEqualTo(0);
        var plan = plans.file(data.person(Role.DEPARTMENT_USER, area.department()),
                new ExamPlans.PlanDraft("初级会计资格考试", "区财政局", DAY, DAY, 1, 100, 4, "第1中学"));
        var item = toDo.itemsFor(reporter).get(0);
        assertThat(item.count()).isEqualTo(1);
        assertThat(item.link()).isEqualTo("/exams/plans/" + plan.id());
        assertThat(item.menu()).isEqualTo(ToDo.Menu.EXAMS);
        assertThat(toDo.itemsFor(data.person(Role.DEPARTMENT_USER, area.department()))).isEmpty();
        assertThat(toDo.itemsFor(data.person(Role.SUPERVISOR, data.fixtures.city()))).isEmpty();
        plans.decide(data.person(Role.DISTRICT_APPROVER, area.district()), plan.id(), plan.version(), ExamPlans.Decision.REFUSE, "与中考冲突");
        assertThat(toDo.itemsFor(reporter).get(0).count()).isZero();
        assertThat(notices(area.department().id(), "EXAM_PLAN_REFUSED")).isEqualTo(1);
    }

    @Test
    void schoolsPlacedOnTheMapByTheSystemAdminSendTheirTeachersToNearbyHostsAndTheProposalSaysFromWhere() throws Exception {
        var area = data.area("考务测试壬区", 3);
        var teachers = data.teachers(area, 3);
        var admin = data.person(Role.SYSTEM_ADMIN, data.fixtures.city());
        var host = area.schools().get(0);
        // one coordinate alone is refused next to the field, and nothing is stored
        mvc.perform(post("/admin/units/" + host.id()).with(user(admin)).with(csrf()).param("type", "SCHOOL").param("name", host.name())
                .param("stage", "JUNIOR").param("enabled", "true").param("version", "" + host.version()).param("latitude", "39.98"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("纬度和经度须同时填写")));
        assertThat(data.units.coordinatesOf(List.of(host.id()))).isEmpty();
        mvc.perform(post("/admin/units/" + host.id()).with(user(admin)).with(csrf()).param("type", "SCHOOL").param("name", host.name())
                .param("stage", "JUNIOR").param("enabled", "true").param("version", "" + host.version()).param("latitude", "39.983400")
                .param("longitude", "116.317000")).andExpect(status().is3xxRedirection());
        assertThat(data.units.coordinatesOf(List.of(host.id())).get(host.id())).isEqualTo(new org.jianfu.unit.Coordinates(39.9834, 116.317));
        assertThat(audited("unit.located", host.id())).isEqualTo(1);
        assertThatThrownBy(() -> data.units.locate(area.district().id(), area.district().version(), java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE)).isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("unit.error.coordinates-school");
        // the other school about 3.2 km away
        var near = data.units.get(area.schools().get(1).id());
        data.units.locate(near.id(), near.version(), new java.math.BigDecimal("39.9834"), new java.math.BigDecimal("116.3545"));

        // 2 places at the host, three schools of 3 teachers (the third not placed): fairness wants one from each of two
        // schools, and nearness says which: the host's own and the one 3.2 km away
        var plan = arrangedPlan(area, "全国计算机等级考试");
        var reporter = data.person(Role.DISTRICT_REPORTER, area.district());
        plans.addSession(reporter, plan.id(), new ExamPlans.SessionDraft(host.id(), DAY, LocalTime.of(9, 0), LocalTime.of(11, 0), 1, 2));
        var proposal = proposals.propose(reporter, area.district().id(), YEAR);
        assertThat(proposal.ringPlaces()).containsExactly(1, 1, 0, 0, 0);
        assertThat(proposal.measuredPlaces()).isEqualTo(2);
        assertThat(proposal.meanKm()).isCloseTo(1.6, org.assertj.core.data.Offset.offset(0.05));
        assertThat(teachers).hasSize(9);
        mvc.perform(get("/exams/spread").param("district", "" + area.district().id()).with(user(reporter)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("5 公里内")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("平均路程 1.6 公里")));
    }

    private long assigned(long proposalId, long teacherId) {
        return jdbc.sql("select count(*) from exam_proposal_assignment where proposal_id = ? and teacher_id = ?").params(proposalId, teacherId)
                .query(Long.class).single();
    }

    /** The text with its ASCII digits as full-width ones (２０２６), as Chinese keyboards type them. */
    static String fullWidth(String text) {
        var out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }

    private RegisterFigures.Figure figure(long districtId, String key) {
        assertThat(registers).contains(figures);
        return figures.figuresFor(districtId, YEAR).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private long notices(long unitId, String kind) {
        return jdbc.sql("select count(*) from notification where unit_id = ? and kind = ?").params(unitId, kind).query(Long.class).single();
    }

    private long audited(String action, long id) {
        return jdbc.sql("select count(*) from audit_event where action = ? and object_id = ?").params(action, "" + id).query(Long.class).single();
    }
}
