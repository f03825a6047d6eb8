package org.jianfu.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit directory and the system admin's unit list show one's own unit and the units directly below it, each
 * linked to its page with its own children, never the whole subtree (with 200,000 schools a city's list was 37–48 MB
 * and took 20–90 s). The test runs in one transaction, rolled back, so the schools it adds vanish.
 */
@JianfuIntegrationTest
@Transactional
class UnitDirectoryAtScaleTests {

    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theCitysUnitDirectoryAndUnitListShowNoMoreRowsWithTenTimesTheSchools() throws Exception {
        var cityAdmin = userDetails.loadUserByUsername("city.admin");
        var sysadmin = userDetails.loadUserByUsername("sysadmin");
        var directoryBefore = rowsShown("/units", cityAdmin);
        var listBefore = rowsShown("/admin/units", sysadmin);

        var city = units.root().orElseThrow();
        var schools = jdbc.sql("select count(*) from unit where type = 'SCHOOL'").query(Long.class).single();
        var district = units.create(new Units.NewUnit(city.id(), UnitType.DISTRICT, "规模测试区" + System.nanoTime(), null, null));
        jdbc.sql("""
                insert into unit (parent_id, type, name, stage, path, depth, created_at)
                select ?, 'SCHOOL', '规模测试学校' || g, 'PRIMARY', '', ?, now() from generate_series(1, ?) g""")
                .params(district.id(), district.depth() + 1, (int) (schools * 10)).update();
        jdbc.sql("update unit set path = ? || id || '/' where path = '' and parent_id = ?").params(district.path(), district.id()).update();

        // one more row: the new district itself, whose page lists its schools
        assertThat(rowsShown("/units", cityAdmin)).isEqualTo(directoryBefore + 1);
        assertThat(rowsShown("/admin/units", sysadmin)).isEqualTo(listBefore + 1);
        var districtPage = mvc.perform(get("/units/" + district.id()).with(user(cityAdmin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(districtPage).contains("规模测试学校1<");
    }

    /** The units the page lists. */
    private int rowsShown(String page, UserDetails as) throws Exception {
        var model = mvc.perform(get(page).with(user(as))).andExpect(status().isOk()).andReturn().getModelAndView().getModel();
        return ((UnitTree) model.get("tree")).rows().size();
    }
}
