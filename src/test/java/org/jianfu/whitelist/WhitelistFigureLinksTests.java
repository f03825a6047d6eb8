package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.RegisterFigures.Figure;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every whitelist figure on a district's ledger links to the applications or reports it counted, for every reader of
 * the ledger, in their scope. Data in 东城区; 西城区 is the other district.
 */
@JianfuIntegrationTest
class WhitelistFigureLinksTests {

    private static final Pattern APPLICATION_ROW = Pattern.compile("href=\"/whitelist/applications/(\\d+)\"");
    private static final Pattern REPORT_ROW = Pattern.compile("href=\"/whitelist/reports/(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired Whitelist whitelist;
    @Autowired Reports reports;
    @Autowired WhitelistFigures figures;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private Unit dongcheng;
    private Unit xicheng;
    private int year;

    private AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    private AccountPrincipal person(Role role, Unit unit) {
        return as(fixtures.account(role, unit));
    }

    @BeforeEach
    void applicationsAndReportsInDongcheng() {
        dongcheng = units.findByCode("110101").orElseThrow();
        xicheng = units.findByCode("110102").orElseThrow();
        year = LocalDate.now(clock).getYear();
        if (jdbc.sql("select count(*) from whitelist_application where activity_name like '东城区链接测试%'").query(Long.class).single() > 0) {
            return;
        }
        var department = person(Role.DEPARTMENT_USER,
                units.children(dongcheng.id()).stream().filter(u -> u.type() == UnitType.DEPARTMENT).findFirst().orElseThrow());
        var from = LocalDate.of(year, 10, 8);
        whitelist.apply(department, WhitelistForms.clean("东城区链接测试宣传", year, from, from.plusDays(3), List.of()));
        var clean = WhitelistForms.clean("东城区链接测试留痕", year, from, from.plusDays(3), List.of());
        whitelist.apply(department, new ApplicationForm(clean.activityName(), clean.leadUnit(), clean.category(), clean.content(),
                clean.forms(), clean.place(), clean.stages(), clean.grades(), clean.schoolIds(), clean.year(), clean.startsOn(),
                clean.endsOn(), clean.frequency(), clean.basis(), clean.teacherTasks(), clean.teacherHours(), false, false, true, false, 0));
        // A clean application of 西城区 in the same category and year, which 东城区's figure must not count nor its link list.
        var other = person(Role.DISTRICT_REPORTER, xicheng);
        whitelist.apply(other, WhitelistForms.clean("西城区链接测试宣传", year, from, from.plusDays(3), List.of()));

        var school = person(Role.SCHOOL_USER, fixtures.schoolOf(dongcheng));
        var handled = reports.fileBySchool(school, new ReportForm(null, null, Report.Kind.UNLISTED, null, null, "东城区链接测试甲", "要求学生填问卷", null));
        reports.fileBySchool(school, new ReportForm(null, null, Report.Kind.UNLISTED, null, null, "东城区链接测试乙", "要求教师上街执勤", null));
        var handler = person(Role.DISTRICT_REPORTER, dongcheng);
        reports.handle(handler, handled.report().id(), handled.report().version(), Report.State.HANDLED, "已约谈", "已停止");
    }

    /** The district's own reporter and approver, the city admin, the supervisor: every reader of the district's ledger. */
    private List<AccountPrincipal> readers() {
        return List.of(person(Role.DISTRICT_REPORTER, dongcheng), person(Role.DISTRICT_APPROVER, dongcheng), as("city.admin"), as("supervisor"));
    }

    private Figure figure(String key) {
        return figures.figuresFor(dongcheng.id(), year).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private String page(String link, AccountPrincipal reader) throws Exception {
        return mvc.perform(get(link).with(user(reader))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<Long> rows(Pattern row, String html) {
        var ids = new ArrayList<Long>();
        var m = row.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private List<Long> applications(String where, Object... params) {
        return jdbc.sql("select id from whitelist_application where reviewing_unit_id = ? and year = ? and category = 'PUBLICITY'" + where)
                .params(java.util.stream.Stream.concat(java.util.stream.Stream.of(dongcheng.id(), year), java.util.Arrays.stream(params)).toList())
                .query(Long.class).list();
    }

    @Test
    void theApplicationAndRefusalFiguresLinkEveryReaderToExactlyTheDistrictsApplicationsOfTheCategoryAndYear() throws Exception {
        var applications = figure("whitelist.applications.PUBLICITY");
        var refusals = figure("whitelist.refusals.PUBLICITY");
        var all = applications("");
        var refused = applications(" and state = 'REFUSED'");
        assertThat(applications.arguments()[0]).isEqualTo(all.size());
        assertThat(applications.arguments()[3]).isEqualTo(refused.size());
        assertThat(refused).isNotEmpty();
        for (var reader : readers()) {
            var listed = page(applications.link(), reader);
            assertThat(Set.copyOf(rows(APPLICATION_ROW, listed))).as("applications for " + reader.role()).isEqualTo(Set.copyOf(all));
            assertThat(listed).contains("东城区链接测试宣传").doesNotContain("西城区链接测试宣传").contains("显示全部");
            assertThat(Set.copyOf(rows(APPLICATION_ROW, page(refusals.link(), reader)))).as("refused for " + reader.role())
                    .isEqualTo(Set.copyOf(refused));
        }
    }

    @Test
    void theReportsFigureLinksEveryReaderToTheDistrictsReportsOfTheYearUnhandledFirst() throws Exception {
        var figure = figure("whitelist.reports");
        var received = jdbc.sql("""
                select id from whitelist_report where district_id = ? and extract(year from received_on) = ?
                order by state = 'HANDLED', id desc""").params(dongcheng.id(), year).query(Long.class).list();
        var handled = jdbc.sql("select id from whitelist_report where district_id = ? and extract(year from received_on) = ? and state = 'HANDLED'")
                .params(dongcheng.id(), year).query(Long.class).list();
        assertThat(figure.arguments()).containsExactly(received.size(), handled.size());
        assertThat(handled).isNotEmpty().hasSizeLessThan(received.size());
        for (var reader : readers()) {
            var listed = rows(REPORT_ROW, page(figure.link(), reader));
            assertThat(listed).as("reports for " + reader.role()).isEqualTo(received);
            assertThat(listed.subList(received.size() - handled.size(), listed.size())).containsExactlyInAnyOrderElementsOf(handled);
        }
    }

    @Test
    void anotherDistrictFollowingTheLinksOfDongchengsFiguresFindsNothing() throws Exception {
        for (var role : List.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER)) {
            var outsider = person(role, xicheng);
            for (var figure : figures.figuresFor(dongcheng.id(), year)) {
                mvc.perform(get(figure.link()).with(user(outsider))).andExpect(status().isNotFound());
            }
        }
        // And a department of 东城区 cannot widen its list to the district it files with.
        var department = person(Role.DEPARTMENT_USER,
                units.children(dongcheng.id()).stream().filter(u -> u.type() == UnitType.DEPARTMENT).findFirst().orElseThrow());
        mvc.perform(get(figure("whitelist.applications.PUBLICITY").link()).with(user(department))).andExpect(status().isNotFound());
    }
}
