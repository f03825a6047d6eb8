package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * A collection that reached a school without a register code is reported through the one mechanism of reports: by a
 * teacher without an account (receipt code, nothing of the sender stored) or by the school, to its district, which alone
 * sees and handles it. Data in 通州区 and 顺义区, rolled back.
 */
@JianfuIntegrationTest
@Transactional
class UncodedCollectionReportTests {

    private static final Pattern RECEIPT = Pattern.compile("class=\"receipt\">([A-Z0-9-]+)<");
    private static final Pattern REPORT_ROW = Pattern.compile("href=\"/whitelist/reports/(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired CollectionTestData data;
    @Autowired JdbcClient jdbc;

    private String page(String path, AccountPrincipal who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * Posts the public form as a visitor without an account (the browser's cookie-borne CSRF token is PublicWhitelistTests'
     * concern; here the token is the test's).
     */
    private MvcResult fileAnonymously(String address, Map<String, String> fields) throws Exception {
        var request = post("/public/reports").with(anonymous()).with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        fields.forEach(request::param);
        return mvc.perform(request).andReturn();
    }

    private Map<String, Object> row(String description) {
        return jdbc.sql("select * from whitelist_report where description = ?").param(description).query((rs, n) -> {
            var values = new HashMap<String, Object>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
            }
            return values;
        }).single();
    }

    @Test
    void thePublicReportPageOffersBothSubjectsAndTheDataCollectionOneAsksNothingOfTheWhitelist() throws Exception {
        var campus = mvc.perform(get("/public/reports/new")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(campus).contains("社会事务进校园").contains("无登记编码的数据采集").contains("/public/reports/new?subject=DATA_COLLECTION")
                .contains("value=\"UNLISTED\"").contains("id=\"bannedDemand\"").doesNotContain("value=\"UNCODED_COLLECTION\"");
        var collection = mvc.perform(get("/public/reports/new").param("subject", "DATA_COLLECTION")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(collection).contains("value=\"UNCODED_COLLECTION\"").contains("布置采集的单位和采集名称")
                .doesNotContain("value=\"UNLISTED\"").doesNotContain("id=\"bannedDemand\"").doesNotContain("白名单核验码");
    }

    @Test
    void anUncodedCollectionReportedAnonymouslyStoresNoIdentityAndOnlyItsDistrictSeesAndHandlesIt() throws Exception {
        var tongzhou = data.tongzhou();
        var shunyi = data.shunyi();
        var description = "通州匿名报告：要求教师填写未编码的问卷 " + System.nanoTime();
        var result = fileAnonymously("203.0.113.91", Map.of("subject", "DATA_COLLECTION", "districtId", Long.toString(tongzhou.district().id()),
                "kind", "UNCODED_COLLECTION", "requester", "某街道办 · 社区教育问卷", "description", description));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getCookie("SESSION")).isNull();
        var receipt = RECEIPT.matcher(result.getResponse().getContentAsString());
        assertThat(receipt.find()).as("the receipt code is shown once").isTrue();

        // the row: the subject's kind, and nothing of the sender, not even the receipt code in clear
        var row = row(description);
        assertThat(row.get("kind")).isEqualTo("UNCODED_COLLECTION");
        assertThat(row.get("district_id")).isEqualTo(tongzhou.district().id());
        assertThat(row.get("anonymous")).isEqualTo(true);
        assertThat(row.get("filed_by")).isNull();
        assertThat(row.get("filed_by_unit_id")).isNull();
        assertThat(row.get("application_id")).isNull();
        assertThat(row.get("banned_demand")).isNull();
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains("203.0.113.91"));
        var code = receipt.group(1).replace("-", "");
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(code));
        assertThat(row.get("receipt_hash").toString()).matches("[0-9a-f]{64}");
        var columns = jdbc.sql("select column_name from information_schema.columns where table_name = 'whitelist_report'")
                .query(String.class).list();
        var identifying = Pattern.compile("(^|_)(ip|addr|address|host|session|agent|account|cookie|user|phone|email)(_|$)");
        assertThat(columns).isNotEmpty().noneMatch(c -> identifying.matcher(c).find());
        // the one rate limit counted it, under a keyed hash of the address only
        assertThat(jdbc.sql("select count(*) from anonymous_report_count where sender like '%203.0.113.91%'").query(Long.class).single())
                .isZero();

        // its district sees it among the data-collection reports and handles it; another district neither sees nor handles it
        var id = Long.parseLong(row.get("id").toString());
        var listed = page("/whitelist/reports?subject=DATA_COLLECTION", tongzhou.reporter());
        assertThat(listed).contains("某街道办 · 社区教育问卷").contains("无登记编码的数据采集");
        assertThat(page("/whitelist/reports?subject=CAMPUS_ENTRY", tongzhou.reporter())).doesNotContain("某街道办 · 社区教育问卷");
        assertThat(page("/whitelist/reports?subject=DATA_COLLECTION", shunyi.reporter())).doesNotContain("某街道办 · 社区教育问卷");
        mvc.perform(get("/whitelist/reports/" + id).with(user(shunyi.approver()))).andExpect(status().isNotFound());
        mvc.perform(post("/whitelist/reports/" + id + "/handling").param("version", "0").param("state", "HANDLED")
                .param("handling", "顺义越权").param("outcome", "顺义越权").with(user(shunyi.approver())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(row(description).get("state")).isEqualTo("RECEIVED");
        mvc.perform(post("/whitelist/reports/" + id + "/handling").param("version", "0").param("state", "HANDLED")
                .param("handling", "已约谈该街道办，问卷停止发放").param("outcome", "已责令改正，今后须经区教委统筹安排")
                .with(user(tongzhou.approver())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(row(description).get("state")).isEqualTo("HANDLED");
        assertThat(row(description).get("handled_by")).isEqualTo(tongzhou.approver().getUsername());

        // the teacher follows it with the receipt code
        assertThat(mvc.perform(post("/public/reports/status").with(anonymous()).with(csrf()).param("receipt", receipt.group(1)))
                .andReturn().getResponse().getContentAsString()).contains("已办结");
    }

    @Test
    void aSchoolReportsAnUncodedCollectionInItsNameToItsDistrict() throws Exception {
        var tongzhou = data.tongzhou();
        var school = data.school(tongzhou, SchoolStage.PRIMARY);
        assertThat(page("/collections/school", school.user())).contains("/whitelist/reports/new?subject=DATA_COLLECTION");
        assertThat(page("/whitelist/reports/new?subject=DATA_COLLECTION", school.user())).contains("value=\"UNCODED_COLLECTION\"");
        var description = "学校报告：区某中心要求报送未编码的工作总结 " + System.nanoTime();
        mvc.perform(post("/whitelist/reports").param("subject", "DATA_COLLECTION").param("kind", "UNCODED_COLLECTION")
                .param("requester", "某中心 · 年度工作总结").param("description", description).with(user(school.user())).with(csrf()))
                .andExpect(status().isOk());
        var row = row(description);
        assertThat(row.get("anonymous")).isEqualTo(false);
        assertThat(row.get("filed_by_unit_id")).isEqualTo(school.school().id());
        assertThat(row.get("district_id")).isEqualTo(tongzhou.district().id());
        var id = Long.parseLong(row.get("id").toString());
        var mine = page("/whitelist/reports?subject=DATA_COLLECTION", school.user());
        assertThat(REPORT_ROW.matcher(mine).results().map(m -> Long.parseLong(m.group(1)))).contains(id);
        mvc.perform(get("/whitelist/reports/" + id).with(user(data.shunyi().reporter()))).andExpect(status().isNotFound());
    }
}
