package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's visit list is its districts, each with its visits of the year counted (kept counts, V52), a page at a time:
 * it reads no visit however many a country records, and each district's row leads to all its visits, latest first.
 * Data in a district of its own, rolled back after each test (other tests count the districts).
 */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
@Transactional
class InspectionCityVisitListTests {

    private static final int YEAR = 2026;
    private static final Pattern VISIT_ROW = Pattern.compile("id=\"visit-(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired InspectionTestData data;
    @Autowired Units units;
    @Autowired KeptFindings kept;
    @Autowired JdbcClient jdbc;

    private String page(String link) throws Exception {
        return mvc.perform(get(link).with(user(data.as("city.admin")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private Unit districtWithASchool(String name) {
        var district = units.create(new Units.NewUnit(units.root().orElseThrow().id(), UnitType.DISTRICT, name, null, null));
        units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, name + "第1小学", null, SchoolStage.PRIMARY));
        return district;
    }

    /** {@code count} visits to the district's school, two a day from 5 January on. */
    private void visits(Unit district, int count) {
        var school = units.children(district.id()).get(0);
        jdbc.sql("""
                insert into inspection_visit (school_id, district_id, item_id, category, visit_date, notified_on, inspectors, teacher_hours,
                    proof_demanded, recorded_by_name, recorded_unit_id, recorded_at)
                select ?, ?, null, 'OTHER', date '2026-01-05' + (g % 300), date '2025-12-01', '测试', 1, false, 'test', ?, now()
                from generate_series(1, ?) g""").params(school.id(), district.id(), district.id(), count).update();
    }

    /** Visit rows read (scanned or fetched by index) and scans of the visit table, so far in this transaction. */
    private long[] visitReads() {
        return jdbc.sql("""
                select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0), coalesce(seq_scan, 0) + coalesce(idx_scan, 0)
                from pg_stat_xact_user_tables where relname = 'inspection_visit'""")
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
    }

    /** The city's visit list read no row of the visit table and still counts the district's visits. */
    private void cityListReadsNoVisit(Unit district, long visitsExpected) throws Exception {
        // the worker's round, in this transaction: the list then shows kept findings and recomputes none itself
        kept.recheckAll(YEAR);
        var before = visitReads();
        var html = page("/inspection/visits?unit=" + units.root().orElseThrow().id() + "&year=" + YEAR);
        var after = visitReads();
        assertThat(new long[] { after[0] - before[0], after[1] - before[1] }).as("visit rows and scans read with " + visitsExpected + " visits")
                .containsExactly(0, 0);
        var row = Pattern.compile("id=\"district-" + district.id() + "\">.*?<td class=\"num\">(\\d+)</td>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("the district's row").isTrue();
        assertThat(Long.parseLong(row.group(1))).as("the district's visits counted").isEqualTo(visitsExpected);
    }

    @Test
    void theCitysVisitListReadsNoVisitHoweverManyThereAre() throws Exception {
        var district = districtWithASchool("全市检查记录汇总区");
        visits(district, 300);
        cityListReadsNoVisit(district, 300);
        visits(district, 3_000);
        cityListReadsNoVisit(district, 3_300);
    }

    @Test
    void aDistrictsRowOnTheCitysListLeadsToAllItsVisitsLatestFirst() throws Exception {
        var district = districtWithASchool("全市检查记录下钻区");
        visits(district, 250);
        var city = page("/inspection/visits?unit=" + units.root().orElseThrow().id() + "&year=" + YEAR);
        var link = Pattern.compile("id=\"district-" + district.id() + "\">\\s*<td><a href=\"([^\"]+)\"").matcher(city);
        assertThat(link.find()).as("the district's row links to its list").isTrue();
        var shown = new ArrayList<Long>();
        for (int n = 0; n < 3; n++) {
            var html = page(link.group(1).replace("&amp;", "&") + "&page=" + n);
            VISIT_ROW.matcher(html).results().forEach(m -> shown.add(Long.parseLong(m.group(1))));
        }
        List<Long> ordered = jdbc.sql("""
                select id from inspection_visit where district_id = ? and visit_date between date '2026-01-01' and date '2026-12-31'
                order by visit_date desc, id desc""").param(district.id()).query(Long.class).list();
        assertThat(ordered).hasSize(250);
        assertThat(shown).isEqualTo(ordered);
    }
}
