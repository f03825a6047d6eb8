package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's lists show a page at a time, however large the country: the entry page's districts and an area's
 * visits. Data in districts of their own, rolled back after each test (other tests count the districts).
 */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
@Transactional
class InspectionListPagingTests {

    private static final Pattern DISTRICT_LINK = Pattern.compile("href=\"/inspection/plans/\\d+/\\d+\"");
    private static final Pattern VISIT_ROW = Pattern.compile("id=\"visit-\\d+\"");

    @Autowired MockMvc mvc;
    @Autowired InspectionTestData data;
    @Autowired Units units;
    @Autowired JdbcClient jdbc;

    private String page(String link) throws Exception {
        return mvc.perform(get(link).with(user(data.as("city.admin")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static long count(Pattern pattern, String html) {
        return pattern.matcher(html).results().count();
    }

    @Test
    void theEntryPageShowsTheDistrictsFiftyAPage() throws Exception {
        var city = units.root().orElseThrow();
        for (int n = 1; n <= 60; n++) {
            units.create(new Units.NewUnit(city.id(), UnitType.DISTRICT, "分页区县" + n, null, null));
        }
        int districts = units.children(city.id()).stream().filter(u -> u.type() == UnitType.DISTRICT && u.enabled()).toList().size();
        var first = page("/inspection?year=2026");
        var second = page("/inspection?year=2026&page=1");
        // the city's own plan is linked once above the table
        assertThat(count(DISTRICT_LINK, first) - 1).isEqualTo(PlanController.DISTRICTS_PER_PAGE);
        assertThat(count(DISTRICT_LINK, first) - 1 + count(DISTRICT_LINK, second) - 1).isEqualTo(districts);
    }

    @Test
    void anAreasVisitsAreListedAHundredAPageWithTheirCount() throws Exception {
        var city = units.root().orElseThrow();
        var district = units.create(new Units.NewUnit(city.id(), UnitType.DISTRICT, "分页检查记录区", null, null));
        var school = units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, "分页检查记录区第1小学", null, SchoolStage.PRIMARY));
        jdbc.sql("""
                insert into inspection_visit (school_id, district_id, item_id, category, visit_date, notified_on, inspectors, teacher_hours,
                    proof_demanded, recorded_by_name, recorded_unit_id, recorded_at)
                select ?, ?, null, 'OTHER', date '2026-01-05' + g, date '2025-12-01', '测试', 1, false, 'test', ?, now()
                from generate_series(1, 130) g""").params(school.id(), district.id(), district.id()).update();
        var first = page("/inspection/visits?unit=" + district.id() + "&year=2026");
        assertThat(count(VISIT_ROW, first)).isEqualTo(Visits.VisitPage.SIZE);
        assertThat(first).contains("共130次");
        var second = page("/inspection/visits?unit=" + district.id() + "&year=2026&page=1");
        assertThat(count(VISIT_ROW, second)).isEqualTo(30);
    }
}
