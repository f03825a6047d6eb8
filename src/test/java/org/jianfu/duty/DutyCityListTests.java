package org.jianfu.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.regex.Pattern;

import org.jianfu.account.Role;
import org.jianfu.platform.ListPage;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's list of school duties shows its districts' counts 50 districts a page, in the official order, under the
 * totals of every district: a country of thousands of districts is not one page of every district. Districts added for
 * the test and rolled back.
 */
@JianfuIntegrationTest
@Import(DutyTestData.class)
@Transactional
class DutyCityListTests {

    private static final Pattern DISTRICT_ROW = Pattern.compile("href=\"/duties\\?district=(\\d+)&amp;year=\\d+\"");

    @Autowired DutyTestData data;
    @Autowired Duties duties;
    @Autowired DutyFigures figures;
    @Autowired Units units;
    @Autowired MockMvc mvc;

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(data.city()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCityListsFiftyDistrictsAPageInTheOfficialOrderUnderTheTotalsOfEveryDistrict() throws Exception {
        var city = data.fixtures.city();
        var added = new ArrayList<Unit>();
        for (int i = 0; i < ListPage.SIZE + 5; i++) {
            added.add(units.create(new Units.NewUnit(city.id(), UnitType.DISTRICT, "分页测试区" + i, String.format("99%04d", i), null)));
        }
        // a duty refused in 怀柔区 (on the first page), so that the totals count something
        var school = data.schools(data.huairou()).get(0);
        var teacher = data.teachers(school, 1, "小学", "语文", "专任教师").get(0);
        var banned = duties.types().stream().filter(DutyType::banned).findFirst().orElseThrow();
        assertThat(duties.record(data.person(Role.SCHOOL_USER, school), new Duties.DutyDraft(banned.id(), teacher.teacherNumber(),
                new BigDecimal("3"), data.today(), null)).refused()).isTrue();
        var districts = units.byIds(units.districtIdsUnder(city.id())).stream().sorted(Unit.OFFICIAL_ORDER).toList();
        var counts = figures.counts(districts.stream().map(Unit::id).toList(), data.today().getYear());
        var refused = counts.values().stream().mapToLong(DutyFigures.DistrictCounts::refused).sum();
        var recorded = counts.values().stream().mapToLong(DutyFigures.DistrictCounts::recorded).sum();
        assertThat(refused).isPositive();

        var first = page("/duties");
        var firstRows = DISTRICT_ROW.matcher(first).results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(firstRows).containsExactlyElementsOf(districts.subList(0, ListPage.SIZE).stream().map(Unit::id).toList());
        assertThat(first).contains("全市 " + districts.size() + " 个区合计").contains("/duties?districtPage=1").contains("第 1 / 2 页");
        var totals = first.substring(first.indexOf("<tfoot>"), first.indexOf("</tfoot>"));
        assertThat(totals).contains("<td>" + recorded + "</td><td>" + refused + "</td>");

        var second = page("/duties?districtPage=1");
        var secondRows = DISTRICT_ROW.matcher(second).results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(secondRows).containsExactlyElementsOf(districts.subList(ListPage.SIZE, districts.size()).stream().map(Unit::id).toList())
                .contains(added.get(added.size() - 1).id());
        assertThat(second.substring(second.indexOf("<tfoot>"), second.indexOf("</tfoot>"))).isEqualTo(totals);
        // a page past the last shows the last
        assertThat(DISTRICT_ROW.matcher(page("/duties?districtPage=99")).results().map(m -> Long.parseLong(m.group(1))).toList())
                .isEqualTo(secondRows);
    }
}
