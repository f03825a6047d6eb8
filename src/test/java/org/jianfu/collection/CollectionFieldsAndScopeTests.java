package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.ToDo;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Typed fields flagged and mapped, the field dictionary kept by the city, and each district kept to its own collections. */
@JianfuIntegrationTest
class CollectionFieldsAndScopeTests {

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired FieldDictionary dictionary;
    @Autowired CollectionTestData data;
    @Autowired CollectionToDo toDo;
    @Autowired JdbcClient jdbc;

    private String page(String path, org.jianfu.account.AccountPrincipal who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aFreeTextFieldIsFlaggedForTheArrangingOfficeUntilItsReporterMapsItToADictionaryField() throws Exception {
        var yanqing = data.yanqing();
        var registered = register.register(yanqing.departmentUser(), data.form(CollectionKind.FORM, "延庆近视防控统计表",
                Respondent.SCHOOLS, data.fields("S.NAME"), "视力不良人数\n学生总人数", false, null, null, LocalDate.of(2026, 4, 1)));
        assertThat(registered.flaggedFields()).extracting(CollectionField::freeText).containsExactly("视力不良人数", "学生总人数");
        var arranging = page("/collections/" + registered.id(), yanqing.reporter());
        assertThat(arranging).contains("有 2 个字典外字段待统筹单位对应到字段字典。").contains("待对应").contains("将“学生总人数”对应到字典字段");
        assertThat(page("/collections?waiting=true", yanqing.reporter())).contains("延庆近视防控统计表").contains("2 个字段待对应");
        // the requester sees the flag, but cannot map
        assertThat(page("/collections/" + registered.id(), yanqing.departmentUser())).contains("待对应").doesNotContain("将“学生总人数”对应到字典字段");
        var typed = registered.flaggedFields().get(1);
        assertThatThrownBy(() -> register.mapField(yanqing.departmentUser(), registered.id(), registered.version(), typed.id(),
                data.field("S.PUPILS"))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        mvc.perform(post("/collections/" + registered.id() + "/fields/" + typed.id()).param("version", Integer.toString(registered.version()))
                .param("dictionaryFieldId", Long.toString(data.field("S.PUPILS"))).with(user(yanqing.reporter())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var mapped = register.readable(yanqing.reporter(), registered.id());
        assertThat(mapped.flaggedFields()).extracting(CollectionField::freeText).containsExactly("视力不良人数");
        var field = mapped.fields().stream().filter(f -> "学生总人数".equals(f.freeText())).findFirst().orElseThrow();
        assertThat(field.code()).isEqualTo("S.PUPILS");
        assertThat(field.source()).isEqualTo(SourceSystem.STUDENT_SYSTEM);
        assertThat(jdbc.sql("select after::text from audit_event where action = 'collection.field-mapped' and object_id = ?")
                .param(Long.toString(registered.id())).query(String.class).single()).contains("\\\"学生总人数\\\" = S.PUPILS");
        assertThat(register.steps(mapped)).extracting(CollectionStep::note).contains("“学生总人数” → S.PUPILS 在校生数");
    }

    @Test
    void aDistrictCannotSeeOrArrangeAnotherDistrictsCollections() throws Exception {
        var yanqing = data.yanqing();
        var miyun = data.miyun();
        var prepared = data.prepared(yanqing, data.form(CollectionKind.FORM, "延庆专用报表", Respondent.SCHOOLS));
        for (var other : java.util.List.of(miyun.reporter(), miyun.approver(), miyun.departmentUser())) {
            mvc.perform(get("/collections/" + prepared.id()).with(user(other))).andExpect(status().isNotFound());
            assertThat(page("/collections", other)).doesNotContain("延庆专用报表");
        }
        mvc.perform(post("/collections/" + prepared.id() + "/decide").param("version", Integer.toString(prepared.version()))
                .param("decision", "APPROVE").with(user(miyun.approver())).with(csrf())).andExpect(status().isNotFound());
        assertThatThrownBy(() -> register.decide(miyun.approver(), prepared.id(), prepared.version(), CollectionRegister.Decision.APPROVE,
                null, null)).isInstanceOf(CollectionNotFoundException.class);
        assertThat(register.readable(yanqing.approver(), prepared.id()).state()).isEqualTo(CollectionState.PREPARED);
        // the city reads every district's collections, and the arranging district's list counts it by state
        assertThat(page("/collections?state=PREPARED", data.as("city.admin"))).contains("延庆专用报表");
        assertThat(page("/collections", yanqing.approver())).contains("延庆专用报表");
    }

    @Test
    void theArrangingOfficeFindsItsWaitingCollectionsAmongItsToDoItems() {
        var miyun = data.miyun();
        var registered = register.register(miyun.departmentUser(), data.form(CollectionKind.FORM, "密云待办测试表", Respondent.SCHOOLS));
        var toPrepare = toDo.itemsFor(miyun.reporter()).stream().filter(i -> i.messageKey().equals("collection.todo.to-prepare"))
                .findFirst().orElseThrow();
        assertThat(toPrepare.count()).isPositive();
        assertThat(toPrepare.menu()).isEqualTo(ToDo.Menu.COLLECTIONS);
        var waitingBefore = toDo.itemsFor(miyun.approver()).get(0).count();
        register.prepare(miyun.reporter(), registered.id(), registered.version(), null);
        assertThat(toDo.itemsFor(miyun.approver()).get(0).count()).isEqualTo(waitingBefore + 1);
        assertThat(toDo.itemsFor(miyun.departmentUser())).isEmpty();
    }

    @Test
    void theCityAdminKeepsTheDictionaryEveryChangeAuditedAndARetiredFieldCannotBeChosen() throws Exception {
        var city = data.as("city.admin");
        var added = dictionary.add(city, new DictionaryForm("T.TEST_LANGUAGE", "外语语种", "教师掌握的主要外语语种", ValueType.CODE,
                "英语；日语；俄语；其他", SourceSystem.TEACHER_SYSTEM, 0));
        assertThatThrownBy(() -> dictionary.add(city, new DictionaryForm("T.TEST_LANGUAGE", "重复", "重复", ValueType.TEXT, null,
                SourceSystem.TEACHER_SYSTEM, 0))).isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("collection.dictionary.error.code-taken"));
        var changed = dictionary.change(city, added.id(), new DictionaryForm("T.TEST_LANGUAGE", "外语语种", "教师掌握的第一外语语种",
                ValueType.CODE, "英语；日语；俄语；德语；法语；其他", SourceSystem.TEACHER_SYSTEM, added.version()));
        var retired = dictionary.retire(city, added.id(), changed.version(), true);
        assertThat(retired.retired()).isTrue();
        assertThat(jdbc.sql("select action from audit_event where object_type = 'collection-dictionary-field' and object_id = ? order by seq")
                .param(Long.toString(added.id())).query(String.class).list()).containsExactly("collection.dictionary-field-added",
                        "collection.dictionary-field-changed", "collection.dictionary-field-changed");
        var yanqing = data.yanqing();
        assertThatThrownBy(() -> register.register(yanqing.departmentUser(), data.form(CollectionKind.FORM, "用了停用字段的表",
                Respondent.TEACHERS, java.util.List.of(added.id()), "", false, null, null, LocalDate.of(2026, 4, 1))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("collection.error.field-unknown"));
        // only the city admin keeps it; everyone who reads collections reads it
        assertThatThrownBy(() -> dictionary.add(yanqing.reporter(), DictionaryForm.blank()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(page("/collections/dictionary", yanqing.departmentUser())).contains("T.NAME").contains("教师管理信息系统");
        mvc.perform(get("/collections/dictionary/new").with(user(yanqing.reporter()))).andExpect(status().isForbidden());
        // the shipped fields: a few dozen, each with its source system
        assertThat(jdbc.sql("select count(*) from collection_dictionary_field where code in ('T.NAME', 'T.GENDER', 'T.BIRTH_DATE',"
                + " 'T.ETHNICITY', 'T.POLITICAL', 'T.HIGHEST_EDU', 'T.TITLE', 'T.SUBJECT', 'T.POST', 'T.TEACHING_YEARS', 'S.NAME',"
                + " 'S.CODE', 'S.CLASSES', 'S.PUPILS')").query(Long.class).single()).isEqualTo(14);
    }

    @Test
    void badInputOnTheFormsGetsAChineseMessageAndChangesNothing() throws Exception {
        var yanqing = data.yanqing();
        var page = mvc.perform(post("/collections").param("kind", "FORM").param("title", "日期颠倒的表").param("purpose", "目的")
                        .param("basis", "依据").param("respondent", "SCHOOLS").param("freeTextFields", "字段").param("frequency", "ONCE")
                        .param("opensOn", "2026-04-15").param("dueOn", "2026-04-01").param("minutesPerSchool", "abc")
                        .param("minutesPerTeacher", "0").param("compulsory", "false").param("version", "0")
                        .with(user(yanqing.departmentUser())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("格式不正确");
        var settings = mvc.perform(post("/collections/settings").param("teacherSurveyYearlyTotal", "5000").param("overlapWindowDays", "30")
                        .param("version", "0")
                        .with(user(data.as("city.admin"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(settings).contains("年度总量应在 0 到 1000 之间");
        assertThat(jdbc.sql("select count(*) from collection where title = '日期颠倒的表'").query(Long.class).single()).isZero();
    }
}
