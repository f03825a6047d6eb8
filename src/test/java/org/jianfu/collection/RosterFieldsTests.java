package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.Role;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fields the teacher roster already holds (requirement 17): a collection asking teachers for them is flagged, and the
 * arranging office and the requesting department take the roster's values for the target schools' teachers instead, as
 * an Excel file of only the asked fields the roster can give, never the identity number. 延庆区 and 密云区; rolled back.
 */
@JianfuIntegrationTest
@Transactional
class RosterFieldsTests {

    static final LocalDate DUE = LocalDate.of(2025, 11, 20);

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired PrefilledExport prefilled;
    @Autowired CollectionTestData data;
    @Autowired SchoolsWithTeachers schools;

    @Test
    void aCollectionAskingTeachersForFieldsTheRosterHoldsIsFlaggedAndTheSameAskedOfSchoolsIsNot() throws Exception {
        var yanqing = data.yanqing();
        var fields = data.fields("T.SUBJECT", "T.GENDER", "T.NAME", "T.ID_NUMBER");
        var ofTeachers = register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆教师信息采集", Respondent.TEACHERS,
                List.of(), Set.of(), fields, DUE, 10, 5));
        var finding = prefilled.finding(ofTeachers).orElseThrow();
        assertThat(finding.fieldNames()).containsExactly("任教学科", "教师姓名", "身份证件号码");
        assertThat(finding.prefilled()).containsExactly("任教学科", "教师姓名");
        assertThat(finding.identityAsked()).isTrue();
        var ofSchools = register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆学校信息采集", Respondent.SCHOOLS,
                List.of(), Set.of(), fields, DUE, 10, 0));
        assertThat(prefilled.finding(ofSchools)).isEmpty();

        for (var reader : List.of(yanqing.departmentUser(), yanqing.reporter())) {
            var page = mvc.perform(get("/collections/" + ofTeachers.id()).with(user(reader))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(page).contains("3 个字段教师名册已有：任教学科、教师姓名、身份证件号码。不必请教师重新填写")
                    .contains("身份证件号码名册只保存其摘要，不预填，也不导出。")
                    .contains("href=\"/collections/" + ofTeachers.id() + "/prefilled.xlsx\"");
        }
        // the city's supervisor reads the collection, but the file is the arranging office's and the requester's
        var supervisor = data.person(Role.SUPERVISOR, data.units.root().orElseThrow());
        assertThat(mvc.perform(get("/collections/" + ofTeachers.id()).with(user(supervisor))).andReturn().getResponse()
                .getContentAsString()).contains("3 个字段教师名册已有").doesNotContain("/prefilled.xlsx");
    }

    @Test
    void thePrefilledFileHoldsExactlyTheAskedRosterFieldsOfTheTargetSchoolsTeachersAndNoIdentityNumber() throws Exception {
        var yanqing = data.yanqing();
        var first = schools.school(yanqing.district(), "延庆预填测试甲小学", SchoolStage.PRIMARY);
        var second = schools.school(yanqing.district(), "延庆预填测试乙小学", SchoolStage.PRIMARY);
        var outside = schools.school(yanqing.district(), "延庆预填测试丙小学", SchoolStage.PRIMARY);
        var a1 = schools.teacher(first, "预填甲一", "语文");
        var a2 = schools.teacher(first, "预填甲二", "数学");
        var b1 = schools.teacher(second, "预填乙一", "英语");
        schools.teacher(outside, "预填丙一", "科学");
        var collection = register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆教师任教情况", Respondent.TEACHERS,
                List.of(first.id(), second.id()), Set.of(), data.fields("T.SUBJECT", "T.GENDER", "T.NUMBER", "T.ID_NUMBER", "T.SCHOOL"),
                DUE, 10, 5));

        for (var taker : List.of(yanqing.departmentUser(), yanqing.reporter(), yanqing.approver())) {
            var response = mvc.perform(get("/collections/" + collection.id() + "/prefilled.xlsx").with(user(taker)))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getContentType()).isEqualTo(org.jianfu.document.OfficeTable.CONTENT_XLSX);
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
                var sheet = workbook.getSheetAt(0);
                assertThat(texts(sheet.getRow(0))).first().isEqualTo("延庆教师任教情况（教师名册预填）");
                assertThat(texts(sheet.getRow(1)).get(0)).contains("目标学校 2 所", "教师 3 名", "不含身份证件号码");
                assertThat(texts(sheet.getRow(2))).containsExactly("序号", "任教学科", "教职工号", "任职学校");
                var rows = new ArrayList<List<String>>();
                for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                    rows.add(texts(sheet.getRow(r)));
                }
                assertThat(rows).containsExactlyInAnyOrder(List.of("1", "语文", a1, first.name()), List.of("2", "数学", a2, first.name()),
                        List.of("3", "英语", b1, second.name()));
                for (var row : sheet) {
                    for (var cell : row) {
                        assertThat(cell.getStringCellValue()).doesNotContain("4321").doesNotContain("预填丙一");
                    }
                }
            }
        }
    }

    @Test
    void anotherDistrictASchoolAndTheCitySupervisorCannotTakeThePrefilledFile() throws Exception {
        var yanqing = data.yanqing();
        var miyun = data.miyun();
        var collection = register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆教师学科登记", Respondent.TEACHERS,
                List.of(), Set.of(), data.fields("T.NAME", "T.SUBJECT"), DUE, 10, 5));
        var path = "/collections/" + collection.id() + "/prefilled.xlsx";
        for (var other : List.of(miyun.reporter(), miyun.approver(), miyun.departmentUser())) {
            mvc.perform(get(path).with(user(other))).andExpect(status().isNotFound());
        }
        var school = schools.school(yanqing.district(), "延庆预填权限测试小学", SchoolStage.PRIMARY);
        mvc.perform(get(path).with(user(data.person(Role.SCHOOL_USER, school)))).andExpect(status().isNotFound());
        mvc.perform(get(path).with(user(data.person(Role.SUPERVISOR, data.units.root().orElseThrow())))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(user(yanqing.departmentUser()))).andExpect(status().isOk());
    }

    static List<String> texts(Row row) {
        var texts = new ArrayList<String>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
