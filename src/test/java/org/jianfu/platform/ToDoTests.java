package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.inspection.InspectionCategory;
import org.jianfu.inspection.InspectionItems;
import org.jianfu.inspection.ItemDraft;
import org.jianfu.inspection.TargetKind;
import org.jianfu.inspection.Window;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.jianfu.whitelist.ActivityForm;
import org.jianfu.whitelist.ApplicationForm;
import org.jianfu.whitelist.Category;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.ReportForm;
import org.jianfu.whitelist.Reports;
import org.jianfu.whitelist.Whitelist;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every role's home page leads with what waits for it, each line a count, a sentence and a link to where it
 * acts, and the sidebar counts the same next to the menu entry. Each test works in a district no other test
 * uses, with fresh accounts; where other tests' data can add to a count (the city's, or ledgers of rounds
 * opened for every district), the test checks what its own step adds.
 */
@JianfuIntegrationTest
class ToDoTests {

    private static final Pattern TO_DO = Pattern.compile("<section class=\"home-section todo\".*?</section>", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("<li>\\s*<a href=\"([^\"]+)\">([^<]+)</a>\\s*</li>");

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @Autowired Whitelist whitelist;
    @Autowired Reports reports;
    @Autowired InspectionItems items;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    // --- reading a page as its reader sees it

    record Line(String href, String text) {
    }

    record Page(String html) {

        /** The to-do section, or null when the page has none. */
        String toDo() {
            var m = TO_DO.matcher(html);
            return m.find() ? m.group() : null;
        }

        List<Line> lines() {
            assertThat(toDo()).as("the home page has a to-do list").isNotNull();
            var lines = new ArrayList<Line>();
            var m = LINE.matcher(toDo());
            while (m.find()) {
                lines.add(new Line(m.group(1).replace("&amp;", "&"), m.group(2)));
            }
            return lines;
        }

        /** The line ending in these words, or null. */
        Line line(String words) {
            return lines().stream().filter(l -> l.text().endsWith(words)).findFirst().orElse(null);
        }

        /** The count in the line ending in these words; zero when there is no such line. */
        int count(String words) {
            var line = line(words);
            return line == null ? 0 : Integer.parseInt(line.text().substring(0, line.text().indexOf(' ')));
        }

        /** The number next to a sidebar entry; zero when it shows none. */
        int sidebar(String entry) {
            var m = Pattern.compile(">" + Pattern.quote(entry) + "</span>(<span class=\"count-badge\"[^>]*>(\\d+)</span>)?</a>")
                    .matcher(html);
            assertThat(m.find()).as("sidebar entry " + entry).isTrue();
            return m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        }

        /** The to-do list comes right after the greeting, before anything else the home page shows. */
        boolean leadsWithToDo() {
            var greeting = html.indexOf("</h1>");
            var toDo = html.indexOf("<section class=\"home-section todo\"");
            return greeting > 0 && toDo > greeting && html.substring(greeting + 5, toDo).isBlank();
        }
    }

    Page home(AccountPrincipal me) throws Exception {
        return page(me, "/");
    }

    Page page(AccountPrincipal me, String path) throws Exception {
        return new Page(mvc.perform(get(path).with(user(me))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    Page homeInEnglish(AccountPrincipal me) throws Exception {
        return new Page(mvc.perform(get("/").param("lang", "en").with(user(me))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** Every line of the person's to-do opens for that person. */
    void everyLinkOpensFor(AccountPrincipal me, Page home) throws Exception {
        for (var line : home.lines()) {
            mvc.perform(get(line.href()).with(user(me))).andExpect(status().isOk());
        }
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    AccountPrincipal person(Role role, Unit unit) {
        return as(fixtures.account(role, unit));
    }

    Unit district(String code) {
        return units.findByCode(code).orElseThrow();
    }

    // --- building what waits, through the services

    long openRoundFor(Unit district, LocalDate deadline) {
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var round = ledgers.openRound(as("city.admin"), template, 2026, "待办测试 " + System.nanoTime(), deadline,
                List.of(district.id()));
        return ledgers.ledgerOf(round.id(), district.id());
    }

    void fillIn(AccountPrincipal reporter, long ledgerId) {
        ledgers.saveHeader(reporter, ledgerId, ledgers.readable(reporter, ledgerId).version(), "王敏", "010-69876543");
        for (var entry : ledgers.entries(reporter, ledgerId)) {
            ledgers.saveEntry(reporter, ledgerId, entry.requirementId(),
                    new EntryDraft(EntryStatus.IMPLEMENTED, "已按要求落实，建立工作台账。", null, entry.version()));
        }
    }

    void step(AccountPrincipal me, long ledgerId, LedgerAction action) {
        ledgerSteps.take(me, ledgerId, ledgers.readable(me, ledgerId).version(), action,
                action.commentRequired() ? "第3条请补充具体数据。" : null);
    }

    static ApplicationForm application(String name, LocalDate from, LocalDate to, List<Long> schoolIds) {
        return new ApplicationForm(name, "测试主办单位", Category.PUBLICITY, "测试活动内容", Set.of(ActivityForm.LECTURE), "学校报告厅",
                schoolIds.isEmpty() ? Set.of(SchoolStage.PRIMARY) : Set.of(), null, schoolIds, from.getYear(), from, to, "每校1次",
                "测试依据", null, 0, false, false, false, false, 0);
    }

    static ItemDraft item(String name) {
        return new ItemDraft(2026, name, "《学校食品安全与营养健康管理规定》", name + "：查阅资料", TargetKind.ALL_SCHOOLS, Set.of(), List.of(),
                "实地查看", "", InspectionCategory.OTHER, false, null,
                List.of(new Window(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 13))));
    }

    // --- the tests

    @Test
    void aLedgerWaitsForTheReporterThenTheApproverEachSeesItFirstOnTheHomePageAndCountedInTheSidebar() throws Exception {
        var daxing = district("110115"); // 大兴区: no other test acts on its ledgers
        var reporter = person(Role.DISTRICT_REPORTER, daxing);
        var approver = person(Role.DISTRICT_APPROVER, daxing);
        var ledger = openRoundFor(daxing, LocalDate.now(clock).plusDays(10));

        // Rounds other tests open for every district also wait for this reporter: count what this one adds.
        var home = home(reporter);
        assertThat(home.leadsWithToDo()).isTrue();
        var toSubmit = home.count("份台账待填写并提交审核");
        assertThat(toSubmit).isPositive();
        assertThat(home.line("份台账待填写并提交审核").href()).isEqualTo(toSubmit == 1 ? "/ledgers/" + ledger : "/ledger");
        assertThat(home.sidebar("任务台账")).isEqualTo(toSubmit);
        everyLinkOpensFor(reporter, home);

        fillIn(reporter, ledger);
        step(reporter, ledger, LedgerAction.SUBMIT);
        assertThat(home(reporter).count("份台账待填写并提交审核")).isEqualTo(toSubmit - 1);
        home = home(approver);
        assertThat(home.leadsWithToDo()).isTrue();
        assertThat(home.lines()).containsExactly(new Line("/ledgers/" + ledger, "1 份台账待您审核签发"));
        assertThat(home.sidebar("任务台账")).isEqualTo(1);
        assertThat(page(approver, "/units").sidebar("任务台账")).as("the sidebar counts on every page").isEqualTo(1);
        assertThat(homeInEnglish(approver).lines()).extracting(Line::text).containsExactly("1 ledger waits for your sign-off");
        everyLinkOpensFor(approver, home);

        step(approver, ledger, LedgerAction.RETURN_TO_REPORTER);
        home = home(approver);
        assertThat(home.lines()).isEmpty();
        assertThat(home.toDo()).contains("目前没有等待您处理的事项。");
        assertThat(home.sidebar("任务台账")).isZero();
        home = home(reporter);
        assertThat(home.line("份台账被退回，请修改后重新提交")).isEqualTo(new Line("/ledgers/" + ledger, "1 份台账被退回，请修改后重新提交"));
        assertThat(home.count("份台账待填写并提交审核")).as("a returned ledger is counted once, as returned").isEqualTo(toSubmit - 1);
        assertThat(home.sidebar("任务台账")).isEqualTo(toSubmit);
        everyLinkOpensFor(reporter, home);
    }

    @Test
    void theCityCountsLedgersReceivedAndUnitsPastTheDeadlineAndTheSupervisorWatchesTheDeadline() throws Exception {
        var yanqing = district("110119"); // 延庆区: no other test acts on its ledgers
        var reporter = person(Role.DISTRICT_REPORTER, yanqing);
        var approver = person(Role.DISTRICT_APPROVER, yanqing);
        var city = as("city.admin");
        var supervisor = person(Role.SUPERVISOR, fixtures.city());
        var start = clock.instant();
        try {
            var ledger = openRoundFor(yanqing, LocalDate.now(clock).plusDays(1));
            clock.advance(Duration.ofDays(3));
            var before = home(city);
            var received = before.count("份台账已报送，待审核通过或退回");
            var overdue = before.count("个单位已过截止日期仍未报送台账");
            assertThat(overdue).as("延庆区 is past the deadline").isPositive();
            assertThat(home(supervisor).count("个单位已过截止日期仍未报送台账")).isEqualTo(overdue);

            fillIn(reporter, ledger);
            step(reporter, ledger, LedgerAction.SUBMIT);
            step(approver, ledger, LedgerAction.SIGN_OFF);
            var after = home(city);
            assertThat(after.leadsWithToDo()).isTrue();
            assertThat(after.count("份台账已报送，待审核通过或退回")).isEqualTo(received + 1);
            assertThat(after.count("个单位已过截止日期仍未报送台账")).isEqualTo(overdue - 1);
            assertThat(after.sidebar("任务台账")).isEqualTo(before.sidebar("任务台账"));
            everyLinkOpensFor(city, after);
            var watched = home(supervisor);
            assertThat(watched.count("个单位已过截止日期仍未报送台账")).isEqualTo(overdue - 1);
            assertThat(watched.line("份台账已报送，待审核通过或退回")).as("the supervisor reads, the city accepts").isNull();
            assertThat(watched.lines()).allMatch(l -> l.text().endsWith("个单位已过截止日期仍未报送台账"));
            everyLinkOpensFor(supervisor, watched);

            step(city, ledger, LedgerAction.RETURN_TO_DISTRICT);
            assertThat(home(city).count("份台账已报送，待审核通过或退回")).isEqualTo(received);
            assertThat(home(reporter).line("份台账被退回，请修改后重新提交")).isEqualTo(new Line("/ledgers/" + ledger,
                    "1 份台账被退回，请修改后重新提交"));
        }
        finally {
            clock.set(start);
        }
    }

    @Test
    void theCityReviewsTheApplicationsOfCityDepartments() throws Exception {
        var city = as("city.admin");
        var toReview = home(city).count("项进校园申请待审核");
        var application = whitelist.apply(as("city.dept"), application("市级待办测试 " + System.nanoTime(),
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), List.of()));
        var home = home(city);
        assertThat(home.count("项进校园申请待审核")).isEqualTo(toReview + 1);
        assertThat(home.line("项进校园申请待审核").href()).isEqualTo(toReview == 0 ? "/whitelist/applications/" + application.id()
                : "/whitelist/applications?state=SUBMITTED&waiting=true");
        assertThat(home.sidebar("进校园申请")).isGreaterThanOrEqualTo(toReview + 1);
        everyLinkOpensFor(city, home);
        whitelist.review(city, application.id(), application.version(), Whitelist.Decision.REJECT, "不属于进校园事项。");
        assertThat(home(city).count("项进校园申请待审核")).isEqualTo(toReview);
    }

    @Test
    void theDistrictSeesWhatToReviewConsultCompileApproveAndHandleAndTheDepartmentWhatWasReturnedToIt() throws Exception {
        var changping = district("110114"); // 昌平区: no other test acts on its whitelist or register
        var department = units.create(new Units.NewUnit(changping.id(), UnitType.DEPARTMENT, "昌平区待办测试局" + System.nanoTime(), null, null));
        var reporter = person(Role.DISTRICT_REPORTER, changping);
        var approver = person(Role.DISTRICT_APPROVER, changping);
        var officer = person(Role.DEPARTMENT_USER, department);
        var school = person(Role.SCHOOL_USER, fixtures.schoolOf(changping));

        var first = whitelist.apply(officer, application("卫生讲座", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), List.of()));
        var home = home(reporter);
        assertThat(home.line("项进校园申请待审核")).isEqualTo(new Line("/whitelist/applications/" + first.id(), "1 项进校园申请待审核"));
        assertThat(home.sidebar("进校园申请")).isEqualTo(1);
        assertThat(home(approver).count("项进校园申请待审核")).as("the approver may review too").isEqualTo(1);
        var second = whitelist.apply(officer, application("急救培训", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 30), List.of()));
        home = home(reporter);
        assertThat(home.line("项进校园申请待审核")).isEqualTo(new Line("/whitelist/applications?state=SUBMITTED&waiting=true",
                "2 项进校园申请待审核"));
        var waiting = page(reporter, "/whitelist/applications?state=SUBMITTED&waiting=true").html();
        assertThat(waiting).contains("卫生讲座", "急救培训").doesNotContain("近视防控");
        assertThat(homeInEnglish(reporter).lines()).extracting(Line::text).contains("2 campus-entry applications wait for your review");

        whitelist.review(reporter, first.id(), first.version(), Whitelist.Decision.RETURN, "请写明面向的年级。");
        home = home(officer);
        assertThat(home.leadsWithToDo()).isTrue();
        assertThat(home.lines()).containsExactly(new Line("/whitelist/applications/" + first.id(), "1 项进校园申请被退回，请修改后重新提交"));
        assertThat(home.sidebar("进校园申请")).isEqualTo(1);
        everyLinkOpensFor(officer, home);
        assertThat(home(reporter).count("项进校园申请待审核")).isEqualTo(1);

        // The register: a department's item goes to consultation, is compiled, then waits for the approval.
        var canteen = items.draft(officer, item("食堂检查"));
        canteen = items.submit(officer, canteen.id(), canteen.version());
        home = home(reporter);
        assertThat(home.line("项2026年部门督查检查事项待提出意见"))
                .isEqualTo(new Line("/inspection/items/" + canteen.id(), "1 项2026年部门督查检查事项待提出意见"));
        assertThat(home.sidebar("督查检查评比考核事项")).isEqualTo(1);
        canteen = items.consult(reporter, canteen.id(), canteen.version(), true, "同意。");
        assertThat(home(reporter).line("项2026年督查检查事项已提交，待编入年度计划"))
                .isEqualTo(new Line("/inspection/items/" + canteen.id(), "1 项2026年督查检查事项已提交，待编入年度计划"));
        assertThat(home(approver).line("项2026年督查检查事项已编入计划，待录入审批结果")).as("not the approver's step yet").isNull();
        canteen = items.compile(reporter, canteen.id(), canteen.version());
        home = home(approver);
        assertThat(home.line("项2026年督查检查事项已编入计划，待录入审批结果"))
                .isEqualTo(new Line("/inspection/items/" + canteen.id(), "1 项2026年督查检查事项已编入计划，待录入审批结果"));
        assertThat(home.sidebar("督查检查评比考核事项")).isEqualTo(1);
        everyLinkOpensFor(approver, home);
        var ownDraft = items.draft(reporter, item("区级检查"));
        ownDraft = items.submit(reporter, ownDraft.id(), ownDraft.version());
        ownDraft = items.compile(reporter, ownDraft.id(), ownDraft.version());
        home = home(approver);
        assertThat(home.line("项2026年督查检查事项已编入计划，待录入审批结果"))
                .isEqualTo(new Line("/inspection/plans/" + changping.id() + "/2026", "2 项2026年督查检查事项已编入计划，待录入审批结果"));
        assertThat(homeInEnglish(approver).lines()).extracting(Line::text)
                .contains("2 inspection items for 2026 compiled: record the approval");
        everyLinkOpensFor(approver, home);

        // Sent back to the department: disagreed in consultation, and returned after compiling.
        var lighting = items.draft(officer, item("照明检查"));
        lighting = items.submit(officer, lighting.id(), lighting.version());
        items.consult(reporter, lighting.id(), lighting.version(), false, "与区级检查重复，请合并。");
        home = home(officer);
        assertThat(home.line("项2026年督查检查事项被退回，请修改后重新提交"))
                .isEqualTo(new Line("/inspection/items/" + lighting.id(), "1 项2026年督查检查事项被退回，请修改后重新提交"));
        items.returnToDraft(reporter, canteen.id(), canteen.version(), "请补充检查频次。");
        home = home(officer);
        assertThat(home.line("项2026年督查检查事项被退回，请修改后重新提交"))
                .isEqualTo(new Line("/inspection", "2 项2026年督查检查事项被退回，请修改后重新提交"));
        assertThat(home.sidebar("督查检查评比考核事项")).isEqualTo(2);
        assertThat(home.sidebar("进校园申请")).isEqualTo(1);
        everyLinkOpensFor(officer, home);
        assertThat(home(approver).count("项2026年督查检查事项已编入计划，待录入审批结果")).isEqualTo(1);

        // A school's report waits for the district's handling.
        var filed = reports.fileBySchool(school, new ReportForm(null, null, Report.Kind.UNLISTED, null, null, "某培训机构",
                "要求进校宣讲并收集家长电话。", LocalDate.now(clock))).report();
        home = home(reporter);
        assertThat(home.line("份问题报告待处理")).isEqualTo(new Line("/whitelist/reports/" + filed.id(), "1 份问题报告待处理"));
        assertThat(home.sidebar("问题报告")).isEqualTo(1);
        assertThat(home.leadsWithToDo()).isTrue();
        everyLinkOpensFor(reporter, home);
        reports.handle(reporter, filed.id(), filed.version(), Report.State.IN_HANDLING, "已联系街道核实。", null);
        assertThat(home(reporter).line("份问题报告待处理")).isNull();
        assertThat(page(reporter, "/whitelist/reports?state=RECEIVED").html()).doesNotContain("某培训机构");
    }

    @Test
    void aSchoolConfirmsTheListedActivitiesThatNameItWhileTheyAreUnderWay() throws Exception {
        var miyun = district("110118"); // 密云区: no other test acts on its whitelist
        var reporter = person(Role.DISTRICT_REPORTER, miyun);
        var approver = person(Role.DISTRICT_APPROVER, miyun);
        var schoolUnit = fixtures.schoolOf(miyun);
        var school = person(Role.SCHOOL_USER, schoolUnit);
        var caps = whitelist.caps();
        var city = as("city.admin");
        // Other tests leave the caps where their last case set them; these two items must not meet them.
        whitelist.changeCaps(city, caps.version(), 100, 100);
        try {
            var home = home(school);
            assertThat(home.lines()).isEmpty();
            assertThat(home.toDo()).contains("目前没有等待您处理的事项。");
            var today = LocalDate.now(clock);
            var underWay = whitelist.apply(reporter, application("垃圾分类主题班会", today.minusDays(1), today.plusDays(30),
                    List.of(schoolUnit.id())));
            underWay = whitelist.review(approver, underWay.id(), underWay.version(), Whitelist.Decision.APPROVE, null);
            var later = whitelist.apply(reporter, application("秋季消防演练", today.plusDays(40), today.plusDays(60),
                    List.of(schoolUnit.id())));
            whitelist.review(approver, later.id(), later.version(), Whitelist.Decision.APPROVE, null);

            home = home(school);
            assertThat(home.leadsWithToDo()).isTrue();
            assertThat(home.lines()).containsExactly(new Line("/whitelist/hosted?code=" + underWay.verificationCode(),
                    "1 项点名本校的白名单活动正在进行，待确认承接"));
            assertThat(home.sidebar("承接记录")).isEqualTo(1);
            assertThat(homeInEnglish(school).lines()).extracting(Line::text)
                    .containsExactly("1 whitelist activity names your school and is under way: record it when hosted");
            everyLinkOpensFor(school, home);
            var hosted = page(school, "/whitelist/hosted").html();
            assertThat(hosted).contains("待确认承接的活动", "垃圾分类主题班会").doesNotContain("秋季消防演练");

            whitelist.recordHosted(school, underWay.verificationCode(), today);
            home = home(school);
            assertThat(home.lines()).isEmpty();
            assertThat(home.sidebar("承接记录")).isZero();
        }
        finally {
            var now = whitelist.caps();
            whitelist.changeCaps(city, now.version(), caps.yearlyTotal(), caps.schoolSemester());
        }
    }

    @Test
    void theSystemAndAuditAdminsHaveNoBusinessToDo() throws Exception {
        for (var admin : List.of(person(Role.SYSTEM_ADMIN, fixtures.city()), person(Role.AUDIT_ADMIN, fixtures.city()))) {
            var home = home(admin);
            assertThat(home.toDo()).as(admin.username()).isNull();
            assertThat(home.html()).doesNotContain("count-badge\" title");
        }
    }
}
