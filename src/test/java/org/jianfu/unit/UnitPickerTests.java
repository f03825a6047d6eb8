package org.jianfu.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit picker's searches find only what the person may choose: their own area's units (a district's never another
 * district's schools), and for the public only the enabled schools of the districts. The units are made in one
 * transaction, rolled back.
 */
@JianfuIntegrationTest
@Transactional
class UnitPickerTests {

    static final Pattern OPTION = Pattern.compile("data-id=\"(\\d+)\"");

    @Autowired Units units;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Unit mentougou;
    Unit mentougouSchool;
    Unit haidianSchool;
    Unit mentougouDepartment;
    Unit disabledSchool;

    @BeforeEach
    void someUnitsOfOneName() {
        mentougou = units.findByCode("110109").orElseThrow();
        var haidian = units.findByCode("110108").orElseThrow();
        mentougouSchool = school(mentougou, "门头沟区选单测试学校");
        haidianSchool = school(haidian, "海淀区选单测试学校");
        mentougouDepartment = units.create(new Units.NewUnit(mentougou.id(), UnitType.DEPARTMENT, "门头沟区选单测试科", null, null));
        var disabled = school(mentougou, "门头沟区选单测试停用学校");
        disabledSchool = units.update(disabled.id(), disabled.version(),
                new Units.UnitChange(disabled.name(), null, disabled.stage(), false));
    }

    @Test
    void aDistrictUserFindsTheSchoolsOfTheirOwnDistrictAndNeverAnotherDistricts() throws Exception {
        assertThat(found("haidian.reporter", "选单测试")).containsExactly(haidianSchool.id());
        assertThat(found("haidian.reporter", "门头沟区选单测试学校")).isEmpty();
        assertThat(found("haidian.reporter", "选单测试", "parentId", "" + mentougou.id())).as("another district named").isEmpty();
        // a department chooses among its commission's schools (those its inspections and activities go to)
        assertThat(found("dept.user", "选单测试")).containsExactly(haidianSchool.id());
        // a school only itself
        var own = units.get(((org.jianfu.platform.Actor) users.loadUserByUsername("school.user")).unitId());
        assertThat(found("school.user", "选单测试")).isEmpty();
        assertThat(found("school.user", own.name().substring(2, 8))).containsExactly(own.id());
        // the city all of them
        assertThat(found("city.admin", "选单测试学校")).containsExactlyInAnyOrder(haidianSchool.id(), mentougouSchool.id());
    }

    @Test
    void theTypeNarrowsTheSearchAndADisabledUnitIsNeverOffered() throws Exception {
        assertThat(found("city.admin", "门头沟区选单测试")).containsExactlyInAnyOrder(mentougouSchool.id(), mentougouDepartment.id());
        assertThat(found("city.admin", "门头沟区选单测试", "type", "SCHOOL")).containsExactly(mentougouSchool.id());
        assertThat(found("city.admin", "停用")).doesNotContain(disabledSchool.id());
    }

    @Test
    void aTextWithLatinLettersMatchesNamesAndCodesWhateverTheirCase() throws Exception {
        var latin = school(mentougou, "门头沟区选单Test学校");
        assertThat(found("city.admin", "选单test")).containsExactly(latin.id());
        assertThat(found("city.admin", "110109")).as("a code (its schools' start with it too)").contains(mentougou.id())
                .doesNotContain(units.findByCode("110108").orElseThrow().id());
    }

    @Test
    void thePublicFindsOnlyTheEnabledSchoolsOfTheDistricts() throws Exception {
        assertThat(ids(mvc.perform(get("/public/schools").param("q", "选单测试")))).containsExactlyInAnyOrder(mentougouSchool.id(),
                haidianSchool.id());
        assertThat(ids(mvc.perform(get("/public/schools").param("q", "选单测试").param("districtId", "" + mentougou.id()))))
                .containsExactly(mentougouSchool.id());
        assertThat(ids(mvc.perform(get("/public/schools").param("q", "选单测试科")))).as("a department").isEmpty();
        assertThat(ids(mvc.perform(get("/public/schools").param("q", "停用学校")))).isEmpty();
        // nor the schools of a district that is disabled
        units.update(mentougou.id(), mentougou.version(), new Units.UnitChange(mentougou.name(), mentougou.code(), null, false));
        assertThat(ids(mvc.perform(get("/public/schools").param("q", "选单测试")))).containsExactly(haidianSchool.id());
    }

    @Test
    void aSearchShowsAtMostTwentyUnitsAndSaysThereAreMore() throws Exception {
        for (int i = 0; i < UnitChoices.LIMIT + 5; i++) {
            school(mentougou, "门头沟区选单多校" + i);
        }
        var page = html(get("/units/picker").param("q", "选单多校").with(user(users.loadUserByUsername("city.admin"))));
        assertThat(ids(page)).hasSize(UnitChoices.LIMIT);
        assertThat(page).contains("只显示前 20 个");
        // the name starting with the text first, then the shorter names
        var first = school(mentougou, "选单多校开头的一所名字很长的学校");
        assertThat(ids(html(get("/units/picker").param("q", "选单多校").with(user(users.loadUserByUsername("city.admin"))))))
                .startsWith(first.id());
        // typed characters are matched as they are: % is no wildcard
        assertThat(html(get("/units/picker").param("q", "选单%校").with(user(users.loadUserByUsername("city.admin"))))).contains("没有找到");
        assertThat(html(get("/units/picker").param("q", " ").with(user(users.loadUserByUsername("city.admin"))))).doesNotContain("data-id", "没有找到");
    }

    private Unit school(Unit district, String name) {
        return units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, name, null, SchoolStage.PRIMARY));
    }

    private List<Long> found(String username, String text, String... parameters) throws Exception {
        var request = get("/units/picker").param("q", text).with(user(users.loadUserByUsername(username)));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return ids(html(request));
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<Long> ids(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return ids(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** The units a fragment of matches offers, in its order. */
    static List<Long> ids(String html) {
        var ids = new ArrayList<Long>();
        var matcher = OPTION.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
