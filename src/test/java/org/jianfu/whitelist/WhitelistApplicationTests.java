package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JianfuIntegrationTest
class WhitelistApplicationTests {

    @Autowired MockMvc mvc;
    @Autowired Whitelist whitelist;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    @AfterEach
    void restoreDefaultCaps() {
        var caps = whitelist.caps();
        if (caps.yearlyTotal() != 10 || caps.schoolSemester() != 6) {
            whitelist.changeCaps(principal("city.admin"), caps.version(), 10, 6);
        }
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void eachBannedDemandIsRefusedAtTheDoorWithItsRequirementCited() throws Exception {
        var department = principal("dept.user");
        for (var demand : BannedDemand.values()) {
            var name = "禁止性要求测试 " + demand;
            var response = mvc.perform(WhitelistForms.params(post("/whitelist/applications"), name, demand)
                            .with(user(department)).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse();
            var id = jdbc.sql("select id from whitelist_application where activity_name = ?").param(name).query(Long.class).single();
            assertThat(response.getRedirectedUrl()).isEqualTo("/whitelist/applications/" + id);
            var page = mvc.perform(get("/whitelist/applications/" + id).with(user(department)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var citation = messages.getMessage(demand.refusalKey(), null, Locale.SIMPLIFIED_CHINESE);
            assertThat(citation).contains("第" + demand.requirements() + "条");
            assertThat(page).contains(citation).contains("不予受理");
            var refused = whitelist.readable(department, id);
            assertThat(refused.state()).isEqualTo(ApplicationState.REFUSED);
            assertThat(refused.bannedDemands()).containsExactly(demand);
            // It never reaches review, so nobody can approve it.
            assertThatThrownBy(() -> whitelist.review(principal("haidian.reporter"), id, refused.version(),
                    Whitelist.Decision.APPROVE, null))
                    .isInstanceOf(RuleViolation.class).hasMessage("whitelist.error.not-waiting");
            assertThat(refused.verificationCode()).isNull();
        }
    }

    @Test
    void aBannedDemandQuestionLeftUnansweredIsNotReadAsNoAndNothingIsSaved() throws Exception {
        var name = "未作答测试";
        var request = WhitelistForms.params(post("/whitelist/applications"), name, null, BannedDemand.WRITING);
        var page = mvc.perform(request.with(user(principal("dept.user"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请回答“是”或“否”");
        assertThat(count("select count(*) from whitelist_application where activity_name = ?", name)).isZero();
    }

    @Test
    void theYearlyTotalCapAllowsTheLastItemAtTheLimitAndRefusesTheNext() {
        var city = principal("city.admin");
        whitelist.changeCaps(city, whitelist.caps().version(), 3, 6);
        var fengtai = units.findByCode("110106").orElseThrow();
        var reviewer = principal(fixtures.account(Role.DISTRICT_REPORTER, fengtai));
        var year = 2027;
        var alreadyListed = count("""
                select count(*) from whitelist_application where state = 'APPROVED' and year = ?
                and reviewing_unit_id in (?, ?)""", year, fixtures.city().id(), fengtai.id());
        assertThat(alreadyListed).as("no other test lists items for 丰台区 in 2027").isZero();
        for (int i = 1; i <= 3; i++) {
            var application = whitelist.apply(reviewer, WhitelistForms.clean("丰台上限测试 " + i, year,
                    LocalDate.of(year, 2 + i * 2, 1), LocalDate.of(year, 2 + i * 2, 20), List.of()));
            var approved = whitelist.review(reviewer, application.id(), application.version(), Whitelist.Decision.APPROVE, null);
            assertThat(approved.state()).as("item %d of 3", i).isEqualTo(ApplicationState.APPROVED);
        }
        var fourth = whitelist.apply(reviewer, WhitelistForms.clean("丰台上限测试 4", year,
                LocalDate.of(year, 11, 1), LocalDate.of(year, 11, 20), List.of()));
        assertThatThrownBy(() -> whitelist.review(reviewer, fourth.id(), fourth.version(), Whitelist.Decision.APPROVE, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("whitelist.error.yearly-cap");
                    assertThat(v.arguments()[0]).isEqualTo(3);
                });
        assertThat(whitelist.readable(reviewer, fourth.id()).state()).isEqualTo(ApplicationState.SUBMITTED);
        // The cap is data: raised by the city admin, the same application goes through.
        whitelist.changeCaps(city, whitelist.caps().version(), 4, 6);
        assertThat(whitelist.review(reviewer, fourth.id(), fourth.version(), Whitelist.Decision.APPROVE, null).state())
                .isEqualTo(ApplicationState.APPROVED);
    }

    @Test
    void thePerSchoolSemesterCapIsCheckedOnApprovalAndWhenTheSchoolRecordsHostedActivities() {
        var city = principal("city.admin");
        whitelist.changeCaps(city, whitelist.caps().version(), 10, 2);
        var shijingshan = units.findByCode("110107").orElseThrow();
        var school = fixtures.schoolOf(shijingshan);
        var reviewer = principal(fixtures.account(Role.DISTRICT_REPORTER, shijingshan));
        var year = 2027;
        var spring = List.of(LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 31));
        var items = new java.util.ArrayList<WhitelistApplication>();
        for (int i = 1; i <= 2; i++) {
            var a = whitelist.apply(reviewer, WhitelistForms.clean("石景山学期测试 " + i, year, spring.get(0), spring.get(1),
                    List.of(school.id())));
            items.add(whitelist.review(reviewer, a.id(), a.version(), Whitelist.Decision.APPROVE, null));
        }
        var third = whitelist.apply(reviewer, WhitelistForms.clean("石景山学期测试 3", year, spring.get(0), spring.get(1),
                List.of(school.id())));
        assertThatThrownBy(() -> whitelist.review(reviewer, third.id(), third.version(), Whitelist.Decision.APPROVE, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("whitelist.error.semester-cap");
                    assertThat(v.arguments()[0]).isEqualTo(school.name());
                });
        // An item for the autumn semester does not count against spring.
        var autumn = whitelist.apply(reviewer, WhitelistForms.clean("石景山学期测试 秋", year, LocalDate.of(year, 9, 1),
                LocalDate.of(year, 9, 30), List.of(school.id())));
        assertThat(whitelist.review(reviewer, autumn.id(), autumn.version(), Whitelist.Decision.APPROVE, null).approved()).isTrue();

        whitelist.changeCaps(city, whitelist.caps().version(), 10, 3);
        items.add(whitelist.review(reviewer, third.id(), third.version(), Whitelist.Decision.APPROVE, null));
        whitelist.changeCaps(city, whitelist.caps().version(), 10, 2);
        var schoolUser = principal(fixtures.account(Role.SCHOOL_USER, school));
        whitelist.recordHosted(schoolUser, items.get(0).displayCode(), LocalDate.of(year, 3, 5));
        whitelist.recordHosted(schoolUser, items.get(1).verificationCode(), LocalDate.of(year, 3, 6));
        // The same activity on another day is still one activity.
        whitelist.recordHosted(schoolUser, items.get(1).verificationCode(), LocalDate.of(year, 3, 7));
        assertThatThrownBy(() -> whitelist.recordHosted(schoolUser, items.get(2).verificationCode(), LocalDate.of(year, 3, 8)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("whitelist.error.semester-cap"));
        assertThat(count("select count(*) from whitelist_hosted where school_id = ?", school.id())).isEqualTo(3);
    }

    @Test
    void aSchoolCannotRecordAnActivityThatIsNotForItOrOutsideItsDates() {
        var code = jdbc.sql("""
                select verification_code from whitelist_application where activity_name = '社区垃圾分类主题班会'""")
                .query(String.class).single();
        var named = whitelist.listed(code).orElseThrow().item();
        var haidianSchools = units.children(fixtures.haidian().id()).stream().filter(u -> u.type() == UnitType.SCHOOL).toList();
        Unit notNamed = haidianSchools.stream().filter(s -> !named.schoolIds().contains(s.id())).findFirst().orElseThrow();
        var outsider = principal(fixtures.account(Role.SCHOOL_USER, notNamed));
        assertThatThrownBy(() -> whitelist.recordHosted(outsider, code, named.startsOn()))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("whitelist.error.school-out-of-scope"));
        var insider = principal(fixtures.account(Role.SCHOOL_USER, units.get(named.schoolIds().get(0))));
        assertThatThrownBy(() -> whitelist.recordHosted(insider, code, named.endsOn().plusDays(1)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("whitelist.error.day-outside-window"));
        assertThatThrownBy(() -> whitelist.recordHosted(insider, "ZZZZ-ZZZZ", named.startsOn()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("whitelist.error.not-listed"));
    }

    @Test
    void aDistrictCannotReviewAnotherDistrictsApplication() throws Exception {
        var application = whitelist.apply(principal("dept.user"),
                WhitelistForms.clean("跨区审核测试", 2026, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2), List.of()));
        var chaoyang = principal("chaoyang.reporter");
        mvc.perform(post("/whitelist/applications/" + application.id() + "/review").with(user(chaoyang)).with(csrf())
                        .param("version", Integer.toString(application.version())).param("decision", "APPROVE"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/whitelist/applications/" + application.id()).with(user(chaoyang)))
                .andExpect(status().isNotFound());
        // Nor may the city approve a district's item, nor the applicant its own.
        for (var other : List.of("city.admin", "dept.user")) {
            mvc.perform(post("/whitelist/applications/" + application.id() + "/review").with(user(principal(other)))
                            .with(csrf()).param("version", Integer.toString(application.version())).param("decision", "APPROVE"))
                    .andExpect(status().isNotFound());
        }
        var after = whitelist.readable(principal("haidian.reporter"), application.id());
        assertThat(after.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(after.version()).isEqualTo(application.version());
        assertThat(count("select count(*) from audit_event where object_type = 'whitelist-application' and object_id = ?",
                Long.toString(application.id()))).isEqualTo(1);
    }

    @Test
    void theApplicantSeesTheOutcomeAndTheReasonAndMayCorrectAReturnedApplication() throws Exception {
        var department = principal("dept.user");
        var reviewer = principal("haidian.reporter");
        var application = whitelist.apply(department,
                WhitelistForms.clean("退回测试", 2026, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), List.of()));
        mvc.perform(post("/whitelist/applications/" + application.id() + "/review").with(user(reviewer)).with(csrf())
                        .param("version", "0").param("decision", "REJECT").param("reason", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(whitelist.readable(department, application.id()).state()).as("a rejection needs a reason")
                .isEqualTo(ApplicationState.SUBMITTED);
        mvc.perform(post("/whitelist/applications/" + application.id() + "/review").with(user(reviewer)).with(csrf())
                        .param("version", "0").param("decision", "RETURN").param("reason", "请补充每位教师的投入时长"))
                .andExpect(status().is3xxRedirection());
        var page = mvc.perform(get("/whitelist/applications/" + application.id()).with(user(department)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已退回修改").contains("请补充每位教师的投入时长").contains("修改后重新提交");
        var returned = whitelist.readable(department, application.id());
        var corrected = whitelist.resubmit(department, application.id(), new ApplicationForm("退回测试", "测试主办单位",
                Category.PUBLICITY, "测试活动内容", returned.forms(), "学校报告厅", returned.stages(), null, List.of(), 2026,
                returned.startsOn(), returned.endsOn(), "每校1次", "测试依据", "教师陪同", 2, false, false, false, false,
                returned.version()));
        assertThat(corrected.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(corrected.teacherHours()).isEqualTo(2);
        var approved = whitelist.review(reviewer, application.id(), corrected.version(), Whitelist.Decision.APPROVE, null);
        assertThat(approved.verificationCode()).hasSize(8);
        assertThat(mvc.perform(get("/whitelist/applications/" + application.id()).with(user(department)))
                .andReturn().getResponse().getContentAsString()).contains(approved.displayCode());
    }

    @Test
    void onlyTheCityAdminChangesTheCaps() throws Exception {
        mvc.perform(get("/whitelist/settings").with(user(principal("haidian.reporter")))).andExpect(status().isForbidden());
        var before = whitelist.caps();
        mvc.perform(post("/whitelist/settings").with(user(principal("haidian.approver"))).with(csrf())
                        .param("yearlyTotal", "99").param("schoolSemester", "99").param("version", Integer.toString(before.version())))
                .andExpect(status().isForbidden());
        assertThat(whitelist.caps()).isEqualTo(before);
        mvc.perform(post("/whitelist/settings").with(user(principal("city.admin"))).with(csrf())
                        .param("yearlyTotal", "12").param("schoolSemester", "5").param("version", Integer.toString(before.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(whitelist.caps().yearlyTotal()).isEqualTo(12);
        assertThat(whitelist.caps().schoolSemester()).isEqualTo(5);
        assertThat(count("select count(*) from audit_event where action = 'whitelist.caps-changed' and actor_username = 'city.admin'"))
                .isPositive();
    }

    @Test
    void theFiguresShowOnADistrictsLedgerNextToRequirementsEightToThirteen() throws Exception {
        var reporter = principal("haidian.reporter");
        var ledgerId = jdbc.sql("""
                select l.id from ledger l join ledger_round r on r.id = l.round_id
                where l.unit_id = ? and r.year = 2026""").param(fixtures.haidian().id()).query(Long.class).single();
        var page = mvc.perform(get("/ledgers/" + ledgerId).with(user(reporter)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (var category : Category.values()) {
            if (category.requirement() == 0) {
                continue;
            }
            var arguments = new Object[] {
                    count("select count(*) from whitelist_application where reviewing_unit_id = ? and year = 2026 and category = ?",
                            fixtures.haidian().id(), category.name()),
                    countIn(category, "APPROVED"), countIn(category, "REJECTED"), countIn(category, "REFUSED"),
                    countIn(category, "SUBMITTED") + countIn(category, "RETURNED") };
            assertThat(page).contains(messages.getMessage("whitelist.figure.applications", arguments, Locale.SIMPLIFIED_CHINESE));
        }
        assertThat(countIn(Category.CITY_CREATION, "REFUSED")).as("the demo's refused application").isPositive();
        var refusals = new Object[] { refusedFor("asks_writing"), refusedFor("asks_street_duty"), refusedFor("asks_proof_photos"),
                refusedFor("takes_class_time") };
        assertThat(page).contains(messages.getMessage("whitelist.figure.refusals", refusals, Locale.SIMPLIFIED_CHINESE));
        // the campus-entry reports only: the other subjects' reports are other registers' figures
        var campusEntry = String.join(",", Report.Subject.CAMPUS_ENTRY.kinds().stream().map(k -> "'" + k.name() + "'").toList());
        var reports = new Object[] {
                count("select count(*) from whitelist_report where district_id = ? and extract(year from received_on) = 2026"
                        + " and kind in (" + campusEntry + ")", fixtures.haidian().id()),
                count("""
                        select count(*) from whitelist_report where district_id = ? and extract(year from received_on) = 2026
                        and state = 'HANDLED' and kind in (""" + campusEntry + ")", fixtures.haidian().id()) };
        assertThat(page).contains(messages.getMessage("whitelist.figure.reports", reports, Locale.SIMPLIFIED_CHINESE));
    }

    private long refusedFor(String column) {
        return count("select count(*) from whitelist_application where reviewing_unit_id = ? and year = 2026 "
                + "and category = 'CITY_CREATION' and state = 'REFUSED' and " + column, fixtures.haidian().id());
    }

    private long countIn(Category category, String state) {
        return count("""
                select count(*) from whitelist_application where reviewing_unit_id = ? and year = 2026 and category = ?
                and state = ?""", fixtures.haidian().id(), category.name(), state);
    }
}
