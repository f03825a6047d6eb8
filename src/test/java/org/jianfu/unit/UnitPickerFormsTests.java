package org.jianfu.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forms that choose units offer them through the unit picker: a country's 200,000 schools were listed in each
 * (12–40 MB, 2–6 s a page). The forms stay the same size however many schools there are, and each still saves the units
 * chosen through the picker's search, and shows them again by name when it is refused. In one transaction, rolled back.
 */
@JianfuIntegrationTest
@Transactional
class UnitPickerFormsTests {

    @Autowired Units units;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    @Test
    void theFormsThatChooseUnitsDoNotGrowWithFiveThousandMoreSchools() throws Exception {
        var forms = new LinkedHashMap<String, UserDetails>();
        forms.put("/admin/accounts/new", users.loadUserByUsername("sysadmin"));
        forms.put("/inspection/items/new", users.loadUserByUsername("city.admin"));
        forms.put("/inspection/visits/new", users.loadUserByUsername("city.admin"));
        forms.put("/whitelist/applications/new", users.loadUserByUsername("city.admin"));
        forms.put("/public/reports/new", null);
        var before = new LinkedHashMap<String, Integer>();
        for (var form : forms.entrySet()) {
            before.put(form.getKey(), size(form.getKey(), form.getValue()));
        }

        var mentougou = units.findByCode("110109").orElseThrow();
        jdbc.sql("""
                insert into unit (parent_id, type, name, stage, path, depth, created_at)
                select ?, 'SCHOOL', '选单规模学校' || g, 'PRIMARY', '', ?, now() from generate_series(1, 5000) g""")
                .params(mentougou.id(), mentougou.depth() + 1).update();
        jdbc.sql("update unit set path = ? || id || '/' where path = '' and parent_id = ?").params(mentougou.path(), mentougou.id()).update();

        for (var form : forms.entrySet()) {
            assertThat(size(form.getKey(), form.getValue()) - before.get(form.getKey())).as(form.getKey() + ": bytes more")
                    .isLessThan(200);
        }
    }

    @Test
    void aSystemAdminCreatesAnAccountForAUnitChosenInThePicker() throws Exception {
        var admin = users.loadUserByUsername("sysadmin");
        var district = chooseOne("/units/picker?q=门头沟区教育", admin);
        var refused = mvc.perform(post("/admin/accounts").param("username", "picker.made").param("displayName", "")
                .param("unitId", "" + district).param("role", "DISTRICT_REPORTER").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertKeptChosen(refused, "unitId", district, "门头沟区教育委员会");
        mvc.perform(post("/admin/accounts").param("username", "picker.made").param("displayName", "选单用户")
                .param("unitId", "" + district).param("role", "DISTRICT_REPORTER").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select unit_id from account where username = 'picker.made'").query(Long.class).single()).isEqualTo(district);
    }

    @Test
    void aCityAdminDraftsAnItemForSchoolsChosenInThePicker() throws Exception {
        var admin = users.loadUserByUsername("city.admin");
        var dayu = chooseOne("/units/picker?type=SCHOOL&q=大峪第一", admin);
        var yuyuan = chooseOne("/units/picker?type=SCHOOL&q=门头沟区育园", admin);
        var refused = mvc.perform(item("", dayu, yuyuan).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertKeptChosen(refused, "targetSchools", dayu, "北京市门头沟区大峪第一小学");
        assertKeptChosen(refused, "targetSchools", yuyuan, "北京市门头沟区育园小学");
        var saved = mvc.perform(item("选单测试事项", dayu, yuyuan).with(user(admin)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var id = Long.parseLong(saved.substring(saved.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select school_id from inspection_item_school where item_id = ?").param(id).query(Long.class).list())
                .containsExactlyInAnyOrder(dayu, yuyuan);
    }

    @Test
    void aVisitIsRecordedAtASchoolChosenInThePicker() throws Exception {
        var admin = users.loadUserByUsername("city.admin");
        var school = chooseOne("/units/picker?type=SCHOOL&q=北京市大峪中学", admin);
        var refused = mvc.perform(visit(school, "").with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertKeptChosen(refused, "schoolId", school, "北京市大峪中学");
        mvc.perform(visit(school, LocalDate.now(clock).toString()).with(user(admin))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from inspection_visit where school_id = ? and inspectors = '选单检查组'").param(school)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWhitelistApplicationNamesSchoolsChosenInThePicker() throws Exception {
        var admin = users.loadUserByUsername("city.admin");
        var school = chooseOne("/units/picker?type=SCHOOL&q=门头沟区育园", admin);
        var year = "" + LocalDate.now(clock).getYear();
        var refused = mvc.perform(application("", year, school).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertKeptChosen(refused, "schoolIds", school, "北京市门头沟区育园小学");
        mvc.perform(application("选单测试活动", year, school).with(user(admin))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                select s.school_id from whitelist_application_school s join whitelist_application a on a.id = s.application_id
                where a.activity_name = '选单测试活动'""").query(Long.class).list()).containsExactly(school);
    }

    @Test
    void anAnonymousReportNamesASchoolChosenInThePicker() throws Exception {
        var district = units.findByCode("110109").orElseThrow().id();
        var school = chooseOne("/public/schools?q=育园&districtId=" + district, null);
        var refused = mvc.perform(report(district, school, "").with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertKeptChosen(refused, "schoolId", school, "北京市门头沟区育园小学");
        var filed = mvc.perform(report(district, school, "要求学校组织学生参加收费培训（选单测试）").with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(filed).contains("receipt");
        assertThat(jdbc.sql("select school_id from whitelist_report where description = '要求学校组织学生参加收费培训（选单测试）'")
                .query(Long.class).single()).isEqualTo(school);
    }

    // --- helpers

    private int size(String page, UserDetails as) throws Exception {
        var request = get(page);
        if (as != null) {
            request.with(user(as));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray().length;
    }

    /** The one unit the picker's search offers, as the browser would get it. */
    private long chooseOne(String search, UserDetails as) throws Exception {
        var request = get(search).header("HX-Request", "true");
        if (as != null) {
            request.with(user(as));
        }
        List<Long> offered = UnitPickerTests.ids(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(offered).as(search).hasSize(1);
        return offered.get(0);
    }

    /** The refused form shows the unit chosen, by name, still chosen (a hidden input of the field). */
    private static void assertKeptChosen(String page, String field, long id, String name) {
        var chosen = page.substring(page.indexOf("class=\"picker-chosen\""));
        chosen = chosen.substring(0, chosen.indexOf("</ul>"));
        assertThat(chosen).contains("name=\"" + field + "\" value=\"" + id + "\"").contains(name);
    }

    private static MockHttpServletRequestBuilder item(String name, long... schools) {
        return post("/inspection/items").param("year", "2026").param("name", name).param("basis", "市教委文件").param("content", "选单测试")
                .param("targetKind", "LISTED_SCHOOLS").param("method", "实地查看").param("category", "ROUTINE_CHECK").param("version", "0")
                .param("starts", "2026-11-02").param("ends", "2026-11-06").param("targetSchools", java.util.Arrays.stream(schools).mapToObj(Long::toString).toArray(String[]::new)).with(csrf());
    }

    private static MockHttpServletRequestBuilder visit(long school, String date) {
        return post("/inspection/visits").param("schoolId", "" + school).param("category", "OTHER").param("visitDate", date)
                .param("inspectors", "选单检查组").param("teacherHours", "1").with(csrf());
    }

    private static MockHttpServletRequestBuilder application(String name, String year, long school) {
        var request = post("/whitelist/applications").param("activityName", name).param("leadUnit", "市城管委").param("category", "CITY_CREATION")
                .param("content", "创城宣传").param("forms", "LECTURE").param("place", "学校礼堂").param("year", year)
                .param("startsOn", year + "-11-02").param("endsOn", year + "-11-20").param("frequency", "1次").param("basis", "市创城方案")
                .param("teacherHours", "0").param("version", "0").param("schoolIds", "" + school).with(csrf());
        for (var demand : org.jianfu.whitelist.BannedDemand.values()) {
            request.param(demand.field(), "false");
        }
        return request;
    }

    private static MockHttpServletRequestBuilder report(long district, long school, String description) {
        return post("/public/reports").param("districtId", "" + district).param("schoolId", "" + school).param("kind", "BANNED_DEMAND")
                .param("bannedDemand", "WRITING").param("requester", "某机构（选单测试）").param("description", description)
                .with(r -> {
                    r.setRemoteAddr("192.0.2.49");
                    return r;
                });
    }
}
