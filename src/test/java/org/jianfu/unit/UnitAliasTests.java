package org.jianfu.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A unit's other names: generated from a district's name, added and removed by a system admin, and asked about by name. */
@JianfuIntegrationTest
class UnitAliasTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    private RequestPostProcessor sysadmin() {
        return user(userDetails.loadUserByUsername("sysadmin"));
    }

    @Test
    void aDistrictIsKnownByItsFullNameAndItsUsualShortNamesButNotByAnotherDistricts() {
        var haidian = fixtures.haidian().id();
        assertThat(units.aliases(haidian)).filteredOn(UnitAlias::generated).extracting(UnitAlias::alias)
                .containsExactlyInAnyOrder("海淀区教委", "海淀教育委员会", "海淀教委", "北京市海淀区教育委员会", "北京市海淀区教委");
        for (var name : new String[] { "海淀区教育委员会", "海淀区教委", "北京市海淀区教育委员会", "海淀教委", " 海淀区　教委 " }) {
            assertThat(units.isNameOf(haidian, name)).as(name).isTrue();
        }
        for (var name : new String[] { "朝阳区教委", "北京市朝阳区教育委员会", "海淀区", "海淀区卫生健康委员会", "" }) {
            assertThat(units.isNameOf(haidian, name)).as(name).isFalse();
        }
        var yanshan = units.findByCode("110190").orElseThrow().id();
        assertThat(units.isNameOf(yanshan, "燕山教委")).isTrue();
        var development = units.findByCode("110192").orElseThrow().id();
        assertThat(units.isNameOf(development, "经开区社会事业局")).as("seeded with the demo").isTrue();
    }

    @Test
    void aRenamedDistrictsGeneratedNamesFollowTheNameAndTheAddedOnesStay() {
        // A demo district renamed and named back, so that other tests meet the demo hierarchy they expect.
        var yanqing = units.findByCode("110119").orElseThrow();
        units.addAlias(yanqing.id(), "延庆区教育两委");
        var renamed = units.update(yanqing.id(), yanqing.version(), new Units.UnitChange("北京市妫川区教育委员会", "110119", null, true));
        try {
            assertThat(units.isNameOf(yanqing.id(), "妫川区教委")).isTrue();
            assertThat(units.isNameOf(yanqing.id(), "妫川教委")).isTrue();
            assertThat(units.isNameOf(yanqing.id(), "北京市妫川区教委")).isTrue();
            assertThat(units.isNameOf(yanqing.id(), "延庆区教委")).as("the old name's short form").isFalse();
            assertThat(units.isNameOf(yanqing.id(), "延庆区教育两委")).as("added by hand").isTrue();
        }
        finally {
            units.update(yanqing.id(), renamed.version(), new Units.UnitChange(yanqing.name(), "110119", null, true));
            units.aliases(yanqing.id()).stream().filter(a -> !a.generated()).forEach(a -> units.removeAlias(yanqing.id(), a.id()));
        }
        assertThat(units.isNameOf(yanqing.id(), "延庆区教委")).isTrue();
        assertThat(units.aliases(yanqing.id())).allMatch(UnitAlias::generated).hasSize(5);
    }

    @Test
    void aSystemAdminAddsAndRemovesAnAliasOnTheUnitPageAndBothAreAudited() throws Exception {
        var chaoyang = fixtures.chaoyang().id();
        mvc.perform(post("/admin/units/{id}/aliases", chaoyang).param("alias", "  朝阳区教育两委 ").with(sysadmin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/units/" + chaoyang))
                .andExpect(flash().attribute("success", "unit.alias.added"));
        assertThat(units.isNameOf(chaoyang, "朝阳区教育两委")).isTrue();
        var page = mvc.perform(get("/admin/units/{id}", chaoyang).with(sysadmin())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("其他名称", "朝阳区教育两委", "朝阳区教委", "自动生成");
        var added = units.aliases(chaoyang).stream().filter(a -> a.alias().equals("朝阳区教育两委")).findFirst().orElseThrow();
        assertThat(audited("unit.alias-added", chaoyang)).isEqualTo(1);

        mvc.perform(post("/admin/units/{id}/aliases/{alias}/delete", chaoyang, added.id()).with(sysadmin()).with(csrf()))
                .andExpect(flash().attribute("success", "unit.alias.removed"));
        assertThat(units.isNameOf(chaoyang, "朝阳区教育两委")).isFalse();
        assertThat(audited("unit.alias-removed", chaoyang)).isEqualTo(1);
    }

    @Test
    void anAliasThatIsAlreadyTheUnitsOrAnotherUnitsNameOrGeneratedIsRefusedWithAReason() throws Exception {
        var chaoyang = fixtures.chaoyang().id();
        var audit = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        var refusals = new String[][] { { "", "unit.alias.error.blank" }, { "朝阳区 教委", "unit.alias.error.already" },
                { "海淀区教委", "unit.alias.error.other-unit" }, { "北京市第八十中学", "unit.alias.error.other-unit" },
                { "区".repeat(101), "unit.alias.error.too-long" } };
        for (var refusal : refusals) {
            mvc.perform(post("/admin/units/{id}/aliases", chaoyang).param("alias", refusal[0]).with(sysadmin()).with(csrf()))
                    .andExpect(flash().attribute("failure", refusal[1]));
        }
        var generated = units.aliases(chaoyang).stream().filter(UnitAlias::generated).findFirst().orElseThrow();
        mvc.perform(post("/admin/units/{id}/aliases/{alias}/delete", chaoyang, generated.id()).with(sysadmin()).with(csrf()))
                .andExpect(flash().attribute("failure", "unit.alias.error.generated"));
        // Another unit's alias is not removed through this unit's page.
        var haidians = units.aliases(fixtures.haidian().id()).get(0);
        mvc.perform(post("/admin/units/{id}/aliases/{alias}/delete", chaoyang, haidians.id()).with(sysadmin()).with(csrf()))
                .andExpect(flash().attribute("failure", "unit.alias.error.gone"));
        assertThat(units.aliases(fixtures.haidian().id())).contains(haidians);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audit);
    }

    private long audited(String action, long unitId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and object_id = ?").params(action, Long.toString(unitId))
                .query(Long.class).single();
    }
}
