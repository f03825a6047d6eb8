package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jianfu.account.Role;
import org.jianfu.platform.ListPage;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whitelist register's lists show a page at a time, however large the country (60,000 applications, 42,000 listed
 * items, 30,000 reports made them 9–20 MB): the city's applications and reports, the public whitelist and its search.
 * Their summaries count what the pages hold, paging reaches every row once, a filter in the URL survives paging, and a
 * district's user sees only its own rows. The rows are added in 怀柔区 (and, for the scope, 密云区) inside the test's
 * transaction, rolled back after each test.
 */
@JianfuIntegrationTest
@Transactional
class WhitelistListsAtScaleTests {

    private static final Pattern APPLICATION_ROW = Pattern.compile("href=\"/whitelist/applications/\\d+\"");
    private static final Pattern ITEM_ROW = Pattern.compile("href=\"/public/whitelist/[A-Z0-9]{4}-[A-Z0-9]{4}\"");
    private static final Pattern REPORT_ROW = Pattern.compile("href=\"/whitelist/reports/\\d+\"");
    private static final Pattern NEXT_PAGE = Pattern.compile("<a href=\"([^\"]+)\">下一页");

    @Autowired MockMvc mvc;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private Unit huairou;
    private Unit miyun;
    private int year;
    /** Rows added so far: each batch numbers its own, so codes and receipt hashes stay unique. */
    private int added;

    @BeforeEach
    void districts() {
        huairou = units.findByCode("110116").orElseThrow();
        miyun = units.findByCode("110118").orElseThrow();
        year = LocalDate.now(clock).getYear();
    }

    private UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    private UserDetails reporterOf(Unit district) {
        return as(fixtures.account(Role.DISTRICT_REPORTER, district));
    }

    /**
     * Applications filed by the district with itself, in every state by turns (approved ones listed this year with a code
     * that no real code can be: real codes have no 0), submitted a minute apart.
     */
    private void applications(Unit district, int count) {
        jdbc.sql("""
                insert into whitelist_application (applicant_unit_id, reviewing_unit_id, level, year, activity_name, lead_unit, category,
                    content, forms, place, scope_stages, starts_on, ends_on, frequency, basis, teacher_hours, asks_writing,
                    asks_street_duty, asks_proof_photos, takes_class_time, state, verification_code, submitted_at, submitted_by)
                select ?, ?, 'DISTRICT', ?, '分页测试活动' || g, '测试牵头单位',
                       (array['PUBLICITY','COMMUNITY','OTHER'])[1 + g % 3], '测试内容', 'LECTURE', '学校报告厅', '',
                       make_date(?, 3, 1) + (g % 200), make_date(?, 3, 1) + (g % 200) + 30, '每学期一次', '测试依据', 0,
                       false, false, false, false, s.state,
                       case when s.state = 'APPROVED' then 'Q' || ? || lpad(g::text, 6, '0') end,
                       now() - g * interval '1 minute', 'test'
                from generate_series(? + 1, ? + ?) g
                cross join lateral (select (array['APPROVED','SUBMITTED','RETURNED','REJECTED','REFUSED'])[1 + g % 5] as state) s""")
                .params(district.id(), district.id(), year, year, year, district.code().substring(5), added, added, count).update();
        added += count;
    }

    /** Anonymous reports sent to the district, received over the year, in every state by turns. */
    private void reports(Unit district, int count) {
        jdbc.sql("""
                insert into whitelist_report (district_id, kind, requester, description, anonymous, receipt_hash, received_on, state,
                    handling, outcome, handled_on, handled_by)
                select ?, 'UNLISTED', '分页测试单位', '要求学校组织未列入清单的活动' || g, true,
                       encode(sha256(('paging-test-' || ? || '-' || g)::bytea), 'hex'), make_date(?, 1, 1) + (g % 300),
                       (array['RECEIVED','IN_HANDLING','HANDLED'])[1 + g % 3], case when g % 3 > 0 then '已转交' end,
                       case when g % 3 = 2 then '已整改' end, case when g % 3 = 2 then make_date(?, 12, 1) end,
                       case when g % 3 = 2 then 'test' end
                from generate_series(? + 1, ? + ?) g""")
                .params(district.id(), district.id(), year, year, added, added, count).update();
        added += count;
    }

    private MvcResult open(String link, UserDetails as) throws Exception {
        // a link read from a page is encoded already
        var request = link.contains("%") ? get(URI.create(link)) : get(link);
        if (as == null) {
            TestSecurityContextHolder.clearContext();
        }
        else {
            request.with(user(as));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private static long count(Pattern row, String html) {
        return row.matcher(html).results().count();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(MvcResult result, String name) {
        return (List<T>) result.getModelAndView().getModel().get(name);
    }

    /** Every row of a list, page after page by the page's own "next" link, and the pages' links on the way. */
    private <T> List<T> everyRow(String first, UserDetails as, String rowsName, List<String> links) throws Exception {
        var all = new ArrayList<T>();
        var link = first;
        while (link != null) {
            links.add(link);
            var result = open(link, as);
            all.addAll(this.<T>rows(result, rowsName));
            var next = NEXT_PAGE.matcher(html(result));
            link = next.find() ? next.group(1).replace("&amp;", "&") : null;
            assertThat(links.size()).as("pages of " + first).isLessThan(200);
        }
        return all;
    }

    private <T> List<T> everyRow(String first, UserDetails as, String rowsName) throws Exception {
        return everyRow(first, as, rowsName, new ArrayList<>());
    }

    private static <T> void eachOnce(List<T> rows, Function<T, Long> id) {
        assertThat(new HashSet<>(rows.stream().map(id).toList())).hasSameSizeAs(rows);
    }

    // --- bounded at scale

    @Test
    void theCitysApplicationsReportsAndThePublicWhitelistShowNoMoreRowsWithThousandsMore() throws Exception {
        var city = as("city.admin");
        applications(huairou, 3_000);
        reports(huairou, 3_000);

        var applicationsPage = html(open("/whitelist/applications", city));
        assertThat(count(APPLICATION_ROW, applicationsPage)).isEqualTo(ListPage.SIZE);
        var listPage = html(open("/public/whitelist", null));
        assertThat(count(ITEM_ROW, listPage)).isEqualTo(ListPage.SIZE);
        var searchPage = html(open("/public/whitelist/verify?q=分页测试活动", null));
        assertThat(count(ITEM_ROW, searchPage)).isEqualTo(ListPage.SIZE);
        var reportsPage = html(open("/whitelist/reports", city));
        assertThat(count(REPORT_ROW, reportsPage)).isEqualTo(ListPage.SIZE);

        // three thousand more of each change the pages by their counts' figures (and the search's by its note), not by rows
        applications(huairou, 3_000);
        reports(huairou, 3_000);
        assertThat(html(open("/whitelist/applications", city)).length()).isBetween(applicationsPage.length() - 100, applicationsPage.length() + 100);
        assertThat(html(open("/public/whitelist", null)).length()).isBetween(listPage.length() - 100, listPage.length() + 100);
        assertThat(html(open("/public/whitelist/verify?q=分页测试活动", null)).length()).isBetween(searchPage.length() - 100,
                searchPage.length() + 100);
        assertThat(html(open("/whitelist/reports", city)).length()).isBetween(reportsPage.length() - 100, reportsPage.length() + 100);
    }

    @Test
    void aNameSearchListsItsFirstThousandItemsAndSaysThereAreAtLeastThatMany() throws Exception {
        applications(huairou, 5_100); // 1,020 of them listed
        var first = open("/public/whitelist/verify?q=分页测试活动", null);
        var shown = (ListPage<?>) first.getModelAndView().getModel().get("shown");
        assertThat(shown.total()).isEqualTo(Whitelist.SEARCH_LIMIT);
        assertThat(shown.pages()).isEqualTo(Whitelist.SEARCH_LIMIT / ListPage.SIZE);
        assertThat(html(first)).contains("至少 1,000 项，只列出前 1,000 项");
        List<WhitelistApplication> last = rows(open("/public/whitelist/verify?q=分页测试活动&page=100", null), "items");
        assertThat(last).hasSize(ListPage.SIZE);
    }

    // --- the summary counts what the pages hold; paging reaches every row once, in order

    @Test
    void theApplicationCountsOfEachStateEqualTheRowsPagedThroughInThatStateNewestFirst() throws Exception {
        applications(huairou, 260);
        var reporter = reporterOf(huairou);
        Map<ApplicationState, Long> byState = ListPageModel.byState(open("/whitelist/applications", reporter));
        long all = 0;
        for (var state : ApplicationState.values()) {
            List<WhitelistApplication> paged = everyRow("/whitelist/applications?state=" + state, reporter, "applications");
            assertThat(paged).as(state.name()).hasSize(byState.getOrDefault(state, 0L).intValue()).allMatch(a -> a.state() == state);
            eachOnce(paged, WhitelistApplication::id);
            all += paged.size();
        }
        List<WhitelistApplication> every = everyRow("/whitelist/applications", reporter, "applications");
        assertThat(every).hasSize((int) all);
        var expected = jdbc.sql("""
                select id from whitelist_application where applicant_unit_id = ? or reviewing_unit_id = ?
                order by submitted_at desc, id desc""").params(huairou.id(), huairou.id()).query(Long.class).list();
        assertThat(every.stream().map(WhitelistApplication::id).toList()).isEqualTo(expected);
    }

    @Test
    void thePublicWhitelistAndItsSearchAreReachedPageByPageEachItemOnceInTheListsOrder() throws Exception {
        applications(huairou, 300);
        List<WhitelistApplication> listed = everyRow("/public/whitelist?year=" + year + "&level=DISTRICT", null, "items");
        eachOnce(listed, WhitelistApplication::id);
        var expected = jdbc.sql("""
                select id from whitelist_application where state = 'APPROVED' and year = ? and level = 'DISTRICT'
                order by starts_on, id""").param(year).query(Long.class).list();
        assertThat(listed.stream().map(WhitelistApplication::id).toList()).isEqualTo(expected);
        assertThat(html(open("/public/whitelist?year=" + year + "&level=DISTRICT", null))).contains("共 " + NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(expected.size()) + " 项");

        List<WhitelistApplication> found = everyRow("/public/whitelist/verify?q=分页测试活动", null, "items");
        eachOnce(found, WhitelistApplication::id);
        assertThat(found).hasSize(60).allMatch(a -> a.activityName().startsWith("分页测试活动"));
    }

    @Test
    void theReportCountsOfEachStateEqualTheRowsPagedThroughAndADistrictsYearListsTheUnhandledFirst() throws Exception {
        reports(huairou, 200);
        var reporter = reporterOf(huairou);
        Map<Report.State, Long> byState = ListPageModel.byState(open("/whitelist/reports", reporter));
        for (var state : Report.State.values()) {
            List<Report> paged = everyRow("/whitelist/reports?state=" + state, reporter, "reports");
            assertThat(paged).as(state.name()).hasSize(byState.getOrDefault(state, 0L).intValue()).allMatch(r -> r.state() == state);
            eachOnce(paged, Report::id);
        }
        List<Report> ofTheYear = everyRow("/whitelist/reports?district=" + huairou.id() + "&year=" + year, as("city.admin"), "reports");
        var expected = jdbc.sql("""
                select id from whitelist_report where district_id = ? and extract(year from received_on) = ?
                order by state = 'HANDLED', id desc""").params(huairou.id(), year).query(Long.class).list();
        assertThat(ofTheYear.stream().map(Report::id).toList()).isEqualTo(expected);
    }

    @Test
    void theCitySeesItsDistrictsFiftyAPageEachCountingTheReportsItsLinkLeadsTo() throws Exception {
        var city = units.root().orElseThrow();
        for (int n = 1; n <= 60; n++) {
            units.create(new Units.NewUnit(city.id(), UnitType.DISTRICT, "分页报告区" + n, null, null));
        }
        reports(huairou, 130);
        var admin = as("city.admin");
        var perDistrict = new ArrayList<ReportRepository.DistrictCount>();
        for (int page = 0; ; page++) {
            List<ReportRepository.DistrictCount> shown = rows(open("/whitelist/reports?districtPage=" + page, admin), "counts");
            assertThat(shown.size()).isLessThanOrEqualTo(ListPage.SIZE);
            perDistrict.addAll(shown);
            if (shown.size() < ListPage.SIZE) {
                break;
            }
        }
        var districts = units.children(city.id()).stream().filter(u -> u.type() == UnitType.DISTRICT).map(Unit::id).toList();
        assertThat(perDistrict.stream().map(ReportRepository.DistrictCount::id).toList()).containsExactlyInAnyOrderElementsOf(districts);

        var huairouCount = perDistrict.stream().filter(c -> c.id() == huairou.id()).findFirst().orElseThrow();
        var link = "/whitelist/reports?district=" + huairou.id();
        assertThat(html(open("/whitelist/reports", admin))).contains("href=\"" + link + "\"");
        List<Report> behind = everyRow(link, admin, "reports");
        assertThat(behind).hasSize(huairouCount.received()).allMatch(r -> r.districtId() == huairou.id());
        assertThat(behind.stream().filter(r -> r.state() == Report.State.HANDLED).count()).isEqualTo(huairouCount.handled());
    }

    // --- filters in the URL

    @Test
    void everyFilterInTheUrlIsKeptByThePageLinks() throws Exception {
        applications(huairou, 1_500);
        reports(huairou, 400);
        var links = new ArrayList<String>();
        List<WhitelistApplication> submitted = everyRow("/whitelist/applications?state=SUBMITTED&category=PUBLICITY&year=" + year,
                as("city.admin"), "applications", links);
        assertThat(links).hasSizeGreaterThan(1).allMatch(l -> l.contains("state=SUBMITTED") && l.contains("category=PUBLICITY"));
        assertThat(submitted).allMatch(a -> a.state() == ApplicationState.SUBMITTED && a.category() == Category.PUBLICITY);

        links.clear();
        List<WhitelistApplication> listed = everyRow("/public/whitelist?level=DISTRICT&category=COMMUNITY&year=" + year, null, "items", links);
        assertThat(links).hasSizeGreaterThan(1).allMatch(l -> l.contains("level=DISTRICT") && l.contains("category=COMMUNITY"));
        assertThat(listed).allMatch(a -> a.category() == Category.COMMUNITY);

        links.clear();
        List<Report> received = everyRow("/whitelist/reports?state=RECEIVED&district=" + huairou.id(), as("city.admin"), "reports", links);
        assertThat(links).hasSizeGreaterThan(1).allMatch(l -> l.contains("state=RECEIVED") && l.contains("district=" + huairou.id()));
        assertThat(received).allMatch(r -> r.state() == Report.State.RECEIVED && r.districtId() == huairou.id());
    }

    // --- scope

    @Test
    void aDistrictsUserSeesNoOtherDistrictsApplicationOrReportOnAnyPageNorInTheCounts() throws Exception {
        applications(huairou, 120);
        applications(miyun, 120);
        reports(huairou, 120);
        reports(miyun, 120);
        var reporter = reporterOf(huairou);
        List<WhitelistApplication> applications = everyRow("/whitelist/applications", reporter, "applications");
        assertThat(applications).isNotEmpty()
                .allMatch(a -> units.isWithin(huairou.id(), a.applicantUnitId()) || units.isWithin(huairou.id(), a.reviewingUnitId()));
        assertThat(ListPageModel.<ApplicationState>byState(open("/whitelist/applications", reporter)).values().stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(applications.size());
        List<Report> reports = everyRow("/whitelist/reports", reporter, "reports");
        assertThat(reports).isNotEmpty().allMatch(r -> r.districtId() == huairou.id());
        assertThat(ListPageModel.<Report.State>byState(open("/whitelist/reports", reporter)).values().stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(reports.size());
        // asking for the other district's reports by URL finds nothing to show
        mvc.perform(get("/whitelist/reports?district=" + miyun.id()).with(user(reporter))).andExpect(status().isNotFound());
    }

    /** What a list's model holds besides its rows. */
    private static final class ListPageModel {

        @SuppressWarnings("unchecked")
        static <S> Map<S, Long> byState(MvcResult result) {
            var counts = (Map<S, Long>) result.getModelAndView().getModel().get("byState");
            assertThat(counts).as("the counts by state").isNotNull();
            return counts;
        }
    }
}
