package org.jianfu.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianfu.teacher.RosterTestData.HEADER;
import static org.jianfu.teacher.RosterTestData.csv;
import static org.jianfu.teacher.RosterTestData.identity;
import static org.jianfu.teacher.RosterTestData.line;
import static org.jianfu.teacher.RosterTestData.number;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/** The roster's pages as a district reporter of 大兴区 uses them: upload, preview, apply, the list and a teacher's page. */
@JianfuIntegrationTest
@Import(RosterTestData.class)
@Transactional
class RosterPagesTests {

    @Autowired MockMvc mvc;
    @Autowired RosterTestData data;
    @Autowired Roster roster;
    @Autowired JdbcClient jdbc;

    private AccountPrincipal reporter;

    @BeforeEach
    void setUp() {
        reporter = data.person(Role.DISTRICT_REPORTER, data.daxing());
    }

    private MvcResult upload(byte[] content) throws Exception {
        return mvc.perform(multipart("/roster/import").file(new MockMultipartFile("file", "名册.csv", "text/csv", content))
                .with(user(reporter)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(user(reporter))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }


    @Test
    void aFileIsUploadedPreviewedAndAppliedThenListedWithTheTeachersPage() throws Exception {
        var school = data.daxingSchools().get(0);
        var number = number();
        var identity = identity(101);

        var uploaded = upload(csv(HEADER, line(number, "杨十七", school, "小学", "语文", "班主任", identity)));
        assertThat(uploaded.getResponse().getRedirectedUrl()).startsWith("/roster/imports/");
        var preview = page(uploaded.getResponse().getRedirectedUrl(), "zh_CN");
        assertThat(preview).contains("名册导入预览", "杨十七", "确认导入");
        var id = Long.parseLong(uploaded.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        var token = jdbc.sql("select token from roster_import where id = ?").param(id).query(String.class).single();

        mvc.perform(post("/roster/imports/{id}/apply", id).param("token", token).with(user(reporter)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "roster.import.applied"));
        var teacherId = roster.byNumber(number).orElseThrow().id();
        assertThat(jdbc.sql("""
                select actor_username from audit_event
                where (action = 'roster.import-applied' and object_id = ?) or (action = 'roster.teacher-added' and object_id = ?)""").params(Long.toString(id), Long.toString(teacherId)).query(String.class).list())
                .as("who imported, on the import's and the teacher's audit rows").containsExactly(reporter.username(), reporter.username());
        mvc.perform(post("/roster/imports/{id}/apply", id).param("token", token).with(user(reporter)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failure", "roster.error.stale"));
        assertThat(page(uploaded.getResponse().getRedirectedUrl(), "zh_CN")).contains("已导入", "由 " + reporter.displayName() + " 导入")
                .doesNotContain("确认导入");

        var teacher = roster.byNumber(number).orElseThrow();
        assertThat(page("/roster?text=" + number, "zh_CN")).contains(number, "杨十七", school.name());
        var teacherPage = page("/roster/teachers/" + teacher.id(), "zh_CN");
        assertThat(teacherPage).contains("杨十七", "**************" + identity.substring(14), "导入记录", "名册.csv")
                .doesNotContain(identity.substring(0, 14));
        assertThat(page("/roster/teachers/" + teacher.id(), "en")).contains("Import history", "Identity number");
    }

    @Test
    void aFileWithProblemsShowsThemByRowAndOffersNoImport() throws Exception {
        var uploaded = upload(csv(HEADER, String.join(",", number(), "朱十八", "不存在的学校", "", "", "", "")));

        var preview = page(uploaded.getResponse().getRedirectedUrl(), "zh_CN");
        assertThat(preview).contains("本区没有名为“不存在的学校”的学校", "不能导入").doesNotContain("确认导入");
    }

    @Test
    void aMalformedFileIsAnsweredOnTheImportPageWithItsMessage() throws Exception {
        // Counted before and after: other tests (the access matrix) keep imports of the same reporter in the shared database.
        var kept = jdbc.sql("select count(*) from roster_import where previewed_by = ?").param(reporter.displayName());
        var before = kept.query(Long.class).single();
        var refused = upload("编号,名字\r\n1,张一\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/roster/import");
        assertThat(refused.getFlashMap().get("failure")).isEqualTo("roster.error.headers");
        assertThat(kept.query(Long.class).single()).as("nothing kept").isEqualTo(before);
    }

    @Test
    void theImportPageListsTheHeadersAndTheTemplateHasThem() throws Exception {
        assertThat(page("/roster/import", "zh_CN")).contains("教职工号", "身份证件号码", "下载导入模板");
        var template = mvc.perform(get("/roster/template.csv").with(user(reporter))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(new String(template.getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + HEADER + "\r\n");
    }
}
