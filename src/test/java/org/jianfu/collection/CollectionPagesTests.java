package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page of the register renders for every role that can reach it, in both languages, with no missing message, on
 * the demo's collections of 海淀区 (one in each state) and the city's.
 */
@JianfuIntegrationTest
class CollectionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired CollectionTestData data;
    @Autowired JdbcClient jdbc;

    private long demo(String title) {
        return jdbc.sql("select id from collection where title = ?").param(title).query(Long.class).single();
    }

    @Test
    void everyPageOfTheRegisterRendersForEachRoleThatCanReachItInBothLanguages() throws Exception {
        var submitted = demo("中小学生视力与体质健康监测情况统计表");
        var prepared = demo("中小学教师工作负担情况调研");
        var arranged = demo("教职工心理健康状况问卷");
        var merged = demo("教职工健康体检情况登记表");
        var refused = demo("中小学生健康知识竞赛");
        var statistics = demo("中小学卫生保健基本情况统计");
        var haidianCollections = List.of("/collections/" + submitted, "/collections/" + prepared, "/collections/" + arranged,
                "/collections/" + merged, "/collections/" + refused);
        var field = data.field("T.NAME");
        var pages = new LinkedHashMap<String, List<String>>();
        pages.put("city.admin", concat(haidianCollections, "/collections", "/collections?state=ARRANGED&kind=QUESTIONNAIRE&year=2026",
                "/collections/new", "/collections/" + statistics, "/collections/dictionary", "/collections/dictionary?retired=true",
                "/collections/dictionary/new", "/collections/dictionary/" + field + "/edit", "/collections/settings"));
        pages.put("haidian.reporter", concat(haidianCollections, "/collections", "/collections?waiting=true", "/collections/new",
                "/collections/dictionary"));
        pages.put("haidian.approver", concat(haidianCollections, "/collections", "/collections?waiting=true", "/collections/dictionary"));
        // the department reads its own collections (not the commission's own survey)
        pages.put("dept.user", List.of("/collections", "/collections/new", "/collections/" + submitted, "/collections/" + submitted + "/edit",
                "/collections/" + arranged, "/collections/" + merged, "/collections/" + refused, "/collections/dictionary"));
        pages.put("city.dept", List.of("/collections", "/collections/" + statistics, "/collections/new"));
        for (var entry : pages.entrySet()) {
            var principal = data.as(entry.getKey());
            for (var page : entry.getValue()) {
                for (var lang : List.of("zh_CN", "en")) {
                    var html = open(principal, page, lang);
                    assertThat(html).as(entry.getKey() + " " + page + " " + lang).doesNotContain("??").contains("</main>");
                }
            }
        }
        // what each role finds on a collection: the reporter's preparation with the typed fields to map, the approver's decision
        assertThat(open(data.as("haidian.reporter"), "/collections/" + submitted, "zh_CN")).contains("统筹准备").contains("视力不良学生人数")
                .contains("待对应");
        assertThat(open(data.as("haidian.approver"), "/collections/" + prepared, "zh_CN")).contains("同意安排").contains("并入已有采集")
                .contains("教职工心理健康状况问卷").contains("年已安排教师调查问卷 1 项，年度总量 12 项");
        assertThat(open(data.as("dept.user"), "/collections/" + merged, "zh_CN")).contains("已并入以下采集")
                .contains("/collections/" + arranged);
        // the menu leads to the register for the roles that use it
        assertThat(open(data.as("dept.user"), "/", "zh_CN")).contains("href=\"/collections\"");
        assertThat(open(data.as("school.user"), "/", "zh_CN")).doesNotContain("href=\"/collections\"");
    }

    private String open(AccountPrincipal principal, String page, String lang) throws Exception {
        var response = mvc.perform(get(page).param("lang", lang).with(user(principal))).andReturn().getResponse();
        assertThat(response.getStatus()).as(principal.username() + " " + page).isEqualTo(200);
        return response.getContentAsString();
    }

    private static List<String> concat(List<String> first, String... more) {
        var all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
