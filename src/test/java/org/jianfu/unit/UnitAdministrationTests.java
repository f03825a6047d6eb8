package org.jianfu.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@JianfuIntegrationTest
class UnitAdministrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    private RequestPostProcessor sysadmin() {
        return user(userDetails.loadUserByUsername("sysadmin"));
    }

    @Test
    void theDemoHierarchyHasTheCityEighteenReportingUnitsAndSchoolsWithStages() {
        var city = fixtures.city();
        // the demo's reporting units, by their codes (other tests add districts of their own, without such a code)
        var districts = units.children(city.id()).stream().filter(u -> u.type() == UnitType.DISTRICT)
                .filter(u -> u.code() != null && u.code().matches("110\\d{3}")).toList();
        assertThat(districts).hasSize(18);
        assertThat(districts).extracting(Unit::name).contains("海淀区教育委员会", "燕山地区教育委员会", "北京经济技术开发区社会事业局");
        for (var district : districts) {
            var schools = units.children(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL).toList();
            assertThat(schools).as(district.name()).hasSizeBetween(3, 5).allMatch(s -> s.stage() != null);
        }
        assertThat(units.children(fixtures.haidian().id())).extracting(Unit::type).contains(UnitType.DEPARTMENT);
    }

    @Test
    void aSystemAdminAddsASchoolUnderADistrictAndTheChangeIsAudited() throws Exception {
        var haidian = fixtures.haidian();
        mvc.perform(post("/admin/units").with(sysadmin()).with(csrf())
                        .param("parentId", Long.toString(haidian.id())).param("type", "SCHOOL")
                        .param("name", "北京市海淀区新建实验小学").param("stage", "PRIMARY").param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        var school = units.children(haidian.id()).stream().filter(u -> u.name().equals("北京市海淀区新建实验小学")).findFirst().orElseThrow();
        assertThat(school.path()).isEqualTo(haidian.path() + school.id() + "/");
        assertThat(school.depth()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'unit.created' and object_id = ?")
                .param(Long.toString(school.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSchoolWithoutAStageIsRefusedNextToTheField() throws Exception {
        mvc.perform(post("/admin/units").with(sysadmin()).with(csrf())
                        .param("parentId", Long.toString(fixtures.chaoyang().id())).param("type", "SCHOOL")
                        .param("name", "无学段学校").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "stage", "unit.error.stage-required"))
                .andExpect(content().string(containsString("学校须选择学段")));
    }

    @Test
    void aUnitCannotBePlacedUnderAParentOfTheWrongType() throws Exception {
        var school = fixtures.schoolOf(fixtures.haidian());
        mvc.perform(post("/admin/units").with(sysadmin()).with(csrf())
                        .param("parentId", Long.toString(school.id())).param("type", "SCHOOL")
                        .param("name", "校中校").param("stage", "PRIMARY").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "parentId", "unit.error.parent-type"));
        assertThat(units.children(school.id())).isEmpty();
    }

    @Test
    void twoUnitsOfTheSameNameUnderOneParentAreRefused() throws Exception {
        mvc.perform(post("/admin/units").with(sysadmin()).with(csrf())
                        .param("parentId", Long.toString(fixtures.haidian().id())).param("type", "SCHOOL")
                        .param("name", "北京市十一学校").param("stage", "TWELVE_YEAR").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "unit.error.name-taken"));
    }

    @Test
    void renamingAUnitIsAuditedWithBeforeAndAfter() throws Exception {
        var dept = units.create(new Units.NewUnit(fixtures.chaoyang().id(), UnitType.DEPARTMENT, "朝阳区某街道办事处", null, null));
        mvc.perform(post("/admin/units/{id}", dept.id()).with(sysadmin()).with(csrf())
                        .param("type", "DEPARTMENT").param("name", "朝阳区望京街道办事处").param("enabled", "true")
                        .param("version", Integer.toString(dept.version())))
                .andExpect(status().is3xxRedirection());
        var change = jdbc.sql("select before->>'name', after->>'name' from audit_event where action = 'unit.changed' and object_id = ?")
                .param(Long.toString(dept.id())).query((rs, n) -> rs.getString(1) + "→" + rs.getString(2)).single();
        assertThat(change).isEqualTo("朝阳区某街道办事处→朝阳区望京街道办事处");
    }

    @Test
    void aStaleEditIsRefusedAndNothingIsOverwritten() throws Exception {
        var dept = units.create(new Units.NewUnit(fixtures.haidian().id(), UnitType.DEPARTMENT, "海淀区某委员会", null, null));
        units.update(dept.id(), dept.version(), new Units.UnitChange("海淀区某委员会（新）", null, null, true));
        mvc.perform(post("/admin/units/{id}", dept.id()).with(sysadmin()).with(csrf())
                        .param("type", "DEPARTMENT").param("name", "覆盖").param("enabled", "true")
                        .param("version", Integer.toString(dept.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该单位刚被他人修改")));
        assertThat(units.get(dept.id()).name()).isEqualTo("海淀区某委员会（新）");
    }

    @Test
    void theUnitDirectoryShowsTheCityItsDistrictsAndADistrictsPageItsSchoolsAndDepartments() throws Exception {
        var cityAdmin = user(userDetails.loadUserByUsername("city.admin"));
        mvc.perform(get("/units").with(cityAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("海淀区教育委员会")))
                .andExpect(content().string(containsString("朝阳区教育委员会")));
        mvc.perform(get("/units/" + fixtures.haidian().id()).with(cityAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("北京市海淀区中关村第一小学")));
        mvc.perform(get("/units/" + fixtures.chaoyang().id()).with(cityAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("朝阳区建外街道办事处")));
    }
}
