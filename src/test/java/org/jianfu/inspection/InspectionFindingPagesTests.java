package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianfu.inspection.InspectionTestData.draft;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A plan whose check finds more than a page of findings shows the count of each rule's findings over the whole
 * check, and the rows a page at a time: the pages of a rule's findings add up to its count, and every page is
 * bounded. Data in a district of its own (分页测试区), rolled back after each test.
 */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
@org.springframework.transaction.annotation.Transactional // its district must not outlive it: other tests count the districts
class InspectionFindingPagesTests {

    private static final int YEAR = 2026;
    private static final String DISTRICT = "分页测试区";
    /** Bytes one page may take at most: fifty findings naming at most twenty schools each, and the plan around them. */
    private static final int PAGE_BYTES = 400_000;
    private static final Pattern RULE_ROW = Pattern.compile("<tr id=\"rule-(\\d+)\">.*?<td class=\"num\">(\\d+)</td>", Pattern.DOTALL);

    @Autowired MockMvc mvc;
    @Autowired InspectionTestData data;
    @Autowired InspectionItems items;
    @Autowired InspectionChecks checks;
    @Autowired Units units;

    private Unit district;

    @BeforeEach
    void aDistrictWhoseCheckFindsMoreThanAPage() {
        var city = units.root().orElseThrow();
        district = units.children(city.id()).stream().filter(u -> u.name().equals(DISTRICT)).findFirst().orElse(null);
        if (district != null) {
            return;
        }
        district = units.create(new Units.NewUnit(city.id(), UnitType.DISTRICT, DISTRICT, null, null));
        for (int n = 1; n <= 3; n++) {
            units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, DISTRICT + "第" + n + "小学", null, SchoolStage.PRIMARY));
        }
        // Eighteen teaching inspections of every school, a few days apart: each pair a merge suggestion, each
        // crowded month a frequency finding for every school.
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        for (int n = 0; n < 18; n++) {
            items.draft(reporter, draft(DISTRICT + "教学视导" + n, InspectionCategory.TEACHING_INSPECTION, LocalDate.of(YEAR, 3, 2).plusDays(3 * n)));
        }
    }

    private String page(String link, AccountPrincipal reader) throws Exception {
        var html = mvc.perform(get(link).with(user(reader))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(link).isLessThan(PAGE_BYTES);
        return html;
    }

    /** The rows of the page's list of findings. */
    private static int listedFindings(String html) {
        var start = html.indexOf("<ul class=\"findings\">");
        if (start < 0) {
            return 0;
        }
        var list = html.substring(start, html.indexOf("</ul>", start));
        return (int) java.util.Arrays.stream(list.split("<li")).filter(part -> part.startsWith(">") || part.startsWith(" ")).count();
    }

    /** Every rule's count, as the page's summary shows it. */
    private static Map<Long, Integer> countsByRule(String html) {
        var counts = new HashMap<Long, Integer>();
        var m = RULE_ROW.matcher(html);
        while (m.find()) {
            counts.put(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return counts;
    }

    /** The rows of every page of a list, following its pager. */
    private int rowsOverAllPages(String first, AccountPrincipal reader) throws Exception {
        int rows = 0;
        for (int n = 0; ; n++) {
            var html = page(first + (first.contains("?") ? "&" : "?") + "page=" + n, reader);
            int listed = listedFindings(html);
            assertThat(listed).as("page " + n + " of " + first).isBetween(1, FindingPage.SIZE);
            rows += listed;
            if (!html.contains("page=" + (n + 1) + "#findings")) {
                return rows;
            }
        }
    }

    @Test
    void thePagedFindingsRenderTheSameCountsAsTheCheck() throws Exception {
        var found = checks.check(district.id(), YEAR).stream().filter(f -> !f.visits()).toList();
        var expected = new HashMap<Long, Integer>();
        found.forEach(f -> expected.merge(f.rule().id(), 1, Integer::sum));
        assertThat(found).as("more findings than one page holds").hasSizeGreaterThan(2 * FindingPage.SIZE);
        for (var reader : List.of(data.person(Role.DISTRICT_REPORTER, district), data.as("city.admin"))) {
            var plan = "/inspection/plans/" + district.id() + "/" + YEAR;
            var first = page(plan, reader);
            assertThat(countsByRule(first)).as("the counts per rule for " + reader.role()).isEqualTo(expected);
            assertThat(listedFindings(first)).isEqualTo(FindingPage.SIZE);
            assertThat(rowsOverAllPages(plan, reader)).isEqualTo(found.size());
            for (var kind : found.stream().map(f -> f.rule().kind()).distinct().toList()) {
                var ofKind = found.stream().filter(f -> f.rule().kind() == kind).count();
                assertThat(rowsOverAllPages(plan + "?finding=" + kind, reader)).as(kind + " for " + reader.role()).isEqualTo(ofKind);
            }
        }
    }

    @Test
    void aPageBeyondTheLastShowsTheLast() throws Exception {
        var reader = data.person(Role.DISTRICT_REPORTER, district);
        var plan = "/inspection/plans/" + district.id() + "/" + YEAR;
        var last = page(plan + "?page=100000", reader);
        assertThat(listedFindings(last)).isBetween(1, FindingPage.SIZE);
        assertThat(last).doesNotContain("page=100001");
    }
}
