package org.jianfu.collection;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

@JianfuIntegrationTest
@Transactional
class TmpWriteFilesTests {

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired CollectionTestData data;
    @Autowired SchoolsWithTeachers schools;

    @Test
    void write() throws Exception {
        var out = Path.of("/tmp/collexports-files");
        Files.createDirectories(out);
        var y = data.yanqing();
        var school = schools.school(y.district(), "延庆区第一实验小学", SchoolStage.PRIMARY);
        var other = schools.school(y.district(), "延庆区永宁学校", SchoolStage.NINE_YEAR);
        for (var n : List.of("张明", "李华", "王芳", "赵强")) {
            schools.teacher(school, n, "语文");
        }
        schools.teacher(other, "陈静", "数学");
        data.arranged(y, SchoolsWithTeachers.form("2025年秋季教师继续教育学时统计表（含各学科教研组长、班主任及新入职教师的分类情况）", Respondent.TEACHERS, List.of(school.id(), other.id()), Set.of(),
                data.fields("T.NAME", "T.SUBJECT", "T.TRAINING_HOURS"), LocalDate.of(2025, 11, 20), 30, 15));
        data.arranged(y, SchoolsWithTeachers.form("中小学校舍安全隐患排查情况表", Respondent.SCHOOLS, List.of(), Set.of(SchoolStage.PRIMARY),
                data.fields("S.NAME", "S.CLASSES"), LocalDate.of(2025, 9, 25), 60, 0));
        data.arranged(y, SchoolsWithTeachers.form("学生近视防控工作自查报告", Respondent.SCHOOLS, List.of(), Set.of(),
                data.fields("S.PUPILS"), LocalDate.of(2025, 12, 10), 90, 0));
        var c = register.register(y.departmentUser(), SchoolsWithTeachers.form("教师基本信息核对表", Respondent.TEACHERS, List.of(school.id(), other.id()),
                Set.of(), data.fields("T.NUMBER", "T.NAME", "T.SCHOOL", "T.SUBJECT", "T.STAGE", "T.POST", "T.ID_NUMBER", "T.GENDER"), LocalDate.of(2025, 10, 30), 20, 10));
        write(out.resolve("register.xlsx"), "/collections/export.xlsx", y.departmentUser());
        write(out.resolve("register-city.xlsx"), "/collections/export.xlsx", data.as("city.admin"));
        write(out.resolve("calendar.xlsx"), "/collections/calendar.xlsx?school=" + school.id() + "&period=2025-autumn", y.reporter());
        write(out.resolve("arranged.docx"), "/collections/arranged.docx?unit=" + y.district().id() + "&term=2025-autumn", y.reporter());
        write(out.resolve("prefilled.xlsx"), "/collections/" + c.id() + "/prefilled.xlsx", y.reporter());
        Files.writeString(out.resolve("show.html"), mvc.perform(get("/collections/" + c.id()).with(user(y.reporter()))).andReturn().getResponse().getContentAsString());
        Files.writeString(out.resolve("list.html"), mvc.perform(get("/collections").with(user(y.reporter()))).andReturn().getResponse().getContentAsString());
    }

    void write(Path file, String url, org.jianfu.account.AccountPrincipal who) throws Exception {
        Files.write(file, mvc.perform(get(url).with(user(who))).andReturn().getResponse().getContentAsByteArray());
    }
}
