package org.jianfu.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jianfu.teacher.RosterTestData.HEADER;
import static org.jianfu.teacher.RosterTestData.csv;
import static org.jianfu.teacher.RosterTestData.identity;
import static org.jianfu.teacher.RosterTestData.line;
import static org.jianfu.teacher.RosterTestData.number;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.HostileUploads;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster import (issues 16.5, 17.1, 22.3): a file is previewed against the roster, then applied in one transaction
 * or not at all. Data in 大兴区, rolled back after each test.
 */
@JianfuIntegrationTest
@Import(RosterTestData.class)
@Transactional
class RosterImportTests {

    @Autowired RosterImports imports;
    @Autowired RosterPages pages;
    @Autowired Roster roster;
    @Autowired RosterTestData data;
    @Autowired JdbcClient jdbc;

    private AccountPrincipal reporter;
    private Unit first;
    private Unit second;

    @BeforeEach
    void setUp() {
        reporter = data.person(Role.DISTRICT_REPORTER, data.daxing());
        var schools = data.daxingSchools();
        first = schools.get(0);
        second = schools.get(1);
    }

    private long preview(byte[] content) {
        return imports.preview(reporter, null, "名册.csv", content);
    }

    private RosterImport applied(byte[] content) {
        var id = preview(content);
        return imports.apply(reporter, id, token(id));
    }

    private String token(long id) {
        return jdbc.sql("select token from roster_import where id = ?").param(id).query(String.class).single();
    }

    private long teachers() {
        return jdbc.sql("select count(*) from teacher").query(Long.class).single();
    }

    private long importsOfDaxing() {
        return jdbc.sql("select count(*) from roster_import where district_id = ?").param(data.daxing().id()).query(Long.class).single();
    }

    private List<RosterImport.Row> rows(long id, RosterImport.Action action) {
        var view = pages.preview(reporter, id);
        return switch (action) {
            case ADD -> view.additions();
            case UPDATE -> view.updates();
            case LEAVE -> view.leaving();
            case PROBLEM -> view.problems();
        };
    }

    private static String refusal(Runnable step) {
        var violation = catchThrowableOfType(RuleViolation.class, step::run);
        assertThat(violation).as("refused").isNotNull();
        return violation.messageKey();
    }

    @Test
    void aPreviewListsAdditionsUpdatesAndLeaversAndApplyingWritesThemAll() {
        String a = number(), b = number(), c = number(), d = number();
        applied(csv(HEADER, line(a, "张一", first, "小学", "语文", "专任教师", identity(1)),
                line(b, "李二", first, "小学", "数学", "专任教师", identity(2)),
                line(c, "王三", first, "小学", "英语", "专任教师", identity(3))));
        assertThat(roster.teachersOf(first.id())).extracting(Teacher::teacherNumber).contains(a, b, c);

        // b changes subject and moves school, c is no longer listed, d is new, a is as before
        var id = preview(csv(HEADER, line(a, "张一", first, "小学", "语文", "专任教师", identity(1)),
                line(b, "李二", second, "小学", "科学", "专任教师", identity(2)),
                line(d, "赵四", first, "小学", "体育", "专任教师", identity(4))));
        var preview = pages.preview(reporter, id).rosterImport();
        assertThat(preview.added()).isEqualTo(1);
        assertThat(preview.updated()).isEqualTo(1);
        assertThat(preview.unchanged()).isEqualTo(1);
        assertThat(preview.leaving()).as("c, of a school the file names, is not listed").isEqualTo(1);
        assertThat(preview.problems()).isZero();
        assertThat(rows(id, RosterImport.Action.UPDATE)).singleElement().satisfies(r -> {
            assertThat(r.teacherNumber()).isEqualTo(b);
            assertThat(r.changedFields()).containsExactly("roster.field.SCHOOL", "roster.field.SUBJECT");
        });
        assertThat(rows(id, RosterImport.Action.LEAVE)).extracting(RosterImport.Row::teacherNumber).containsExactly(c);
        assertThat(roster.byNumber(d)).as("nothing written before applying").isEmpty();

        imports.apply(reporter, id, token(id));

        assertThat(roster.byNumber(d)).hasValueSatisfying(t -> assertThat(t.subject()).isEqualTo("体育"));
        assertThat(roster.byNumber(b)).hasValueSatisfying(t -> {
            assertThat(t.schoolId()).isEqualTo(second.id());
            assertThat(t.subject()).isEqualTo("科学");
            assertThat(t.importId()).isEqualTo(id);
        });
        assertThat(roster.byNumber(c)).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(Teacher.State.LEFT));
        assertThat(roster.teachersOf(first.id())).extracting(Teacher::teacherNumber).contains(a, d).doesNotContain(b, c);
        assertThat(pages.teacher(reporter, roster.byNumber(b).orElseThrow().id()).history())
                .extracting(RosterImport.History::action).containsExactly(RosterImport.Action.UPDATE, RosterImport.Action.ADD);
    }

    @Test
    void unknownSchoolsAndDuplicatesAreReportedWithTheirRowsAndNothingIsWritten() {
        var before = teachers();
        String a = number(), b = number();
        var id = preview(csv(HEADER, line(a, "张一", first, "小学", "语文", "专任教师", identity(11)),
                String.join(",", b, "李二", "北京市大兴区不存在的学校", "小学", "数学", "专任教师", identity(12)),
                line(a, "张一二", first, "小学", "语文", "专任教师", identity(13)),
                line(number(), "王三", first, "小学", "英语", "专任教师", identity(11))));

        var problems = rows(id, RosterImport.Action.PROBLEM);
        assertThat(problems).extracting(RosterImport.Row::rowNumber, RosterImport.Row::problem, RosterImport.Row::problemDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "unknown-school", "北京市大兴区不存在的学校"),
                        org.assertj.core.groups.Tuple.tuple(4, "duplicate-number", "2"),
                        org.assertj.core.groups.Tuple.tuple(5, "duplicate-identity", "2"));
        assertThat(refusal(() -> imports.apply(reporter, id, token(id)))).isEqualTo("roster.error.problems");
        assertThat(teachers()).isEqualTo(before);
        assertThat(roster.byNumber(a)).isEmpty();
    }

    @Test
    void rowsWithoutANumberOrNameOrWithAWrongIdentityNumberAreReported() {
        var wrongCheck = identity(21).substring(0, 17) + (identity(21).endsWith("0") ? "1" : "0");
        var id = preview(csv(HEADER, line("", "张一", first, "", "", "", ""), line(number(), "", first, "", "", "", ""),
                line(number(), "王三", first, "", "", "", wrongCheck), line(number(), "赵四", first, "", "", "", "11011519900101")));

        assertThat(rows(id, RosterImport.Action.PROBLEM)).extracting(RosterImport.Row::problem)
                .containsExactly("no-number", "no-name", "identity", "identity");
        assertThat(pages.preview(reporter, id).rosterImport().applicable()).isFalse();
    }

    @Test
    void aMalformedOrEmptyFileIsRefusedWithItsMessageAndNothingIsKept() throws Exception {
        var before = importsOfDaxing();
        var binary = new byte[] { 0x00, 0x01, 0x02, (byte) 0xFF, 0x10, 0x00, 0x42 };

        assertThat(refusal(() -> preview(binary))).as("an .xlsx that is not a zip").isEqualTo("upload.type.roster-import");
        assertThat(refusal(() -> preview(HostileUploads.truncatedZip()))).isEqualTo("upload.error.corrupt");
        assertThat(refusal(() -> preview(HostileUploads.legacyXls()))).isEqualTo("upload.error.legacy");
        assertThat(refusal(() -> preview(new byte[0]))).isEqualTo("upload.error.empty");
        assertThat(refusal(() -> preview(csv("", "")))).as("a CSV of blank lines").isEqualTo("roster.error.empty");
        assertThat(refusal(() -> preview(csv("编号,名字,单位", "1,张一,学校")))).as("wrong headers").isEqualTo("roster.error.headers");
        assertThat(refusal(() -> preview(csv("教师编号,姓名,岗位", "1,张一,教师")))).as("no school column").isEqualTo("roster.error.headers");
        assertThat(refusal(() -> preview(csv(HEADER)))).as("headers only").isEqualTo("roster.error.no-rows");
        assertThat(refusal(() -> preview(HostileUploads.docx()))).as("a Word file").isEqualTo("upload.type.roster-import");
        assertThat(importsOfDaxing()).isEqualTo(before);
    }

    @Test
    void anExcelExportWithATitleRowHeaderVariantsAndAnotherColumnOrderIsRead() throws Exception {
        var number = number();
        byte[] content;
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("教师");
            sheet.createRow(0).createCell(0).setCellValue("大兴区教师信息导出");
            var header = sheet.createRow(1);
            var titles = List.of("公民身份号码", "学校名称", "教师姓名", "教职工号（必填）", "任教学科", "学段", "岗位类别");
            for (int i = 0; i < titles.size(); i++) {
                header.createCell(i).setCellValue(titles.get(i));
            }
            var row = sheet.createRow(2);
            var values = List.of(identity(31), first.name(), "钱五", number, "音乐", "初中", "专任教师");
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
            workbook.write(out);
            content = out.toByteArray();
        }

        var id = imports.preview(reporter, null, "教师.xlsx", content);
        imports.apply(reporter, id, token(id));

        assertThat(roster.byNumber(number)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("钱五");
            assertThat(t.schoolId()).isEqualTo(first.id());
            assertThat(t.subject()).isEqualTo("音乐");
            assertThat(t.stage()).isEqualTo("初中");
            assertThat(t.maskedIdentity()).endsWith(identity(31).substring(14));
        });
    }

    @Test
    void aCsvSavedByExcelOnChineseWindowsInGbkIsRead() {
        var number = number();
        applied(csv(Charset.forName("GBK"), HEADER, line(number, "孙六", first, "小学", "美术", "专任教师", identity(41))));

        assertThat(roster.byNumber(number)).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("孙六"));
    }

    @Test
    void theIdentityNumberIsStoredInNoColumnOfTheRosterNorInTheAuditTrail() {
        var identity = identity(51);
        var number = number();
        var applied = applied(csv(HEADER, line(number, "周七", first, "小学", "语文", "专任教师", identity)));
        var teacher = roster.byNumber(number).orElseThrow();

        var texts = new ArrayList<String>();
        texts.addAll(jdbc.sql("select t::text from teacher t where id = ?").param(teacher.id()).query(String.class).list());
        texts.addAll(jdbc.sql("select r::text from roster_import_row r where import_id = ?").param(applied.id()).query(String.class).list());
        texts.addAll(jdbc.sql("select i::text from roster_import i where id = ?").param(applied.id()).query(String.class).list());
        texts.addAll(jdbc.sql("select concat(before::text, after::text) from audit_event where object_type = 'teacher' and object_id = ?")
                .param(Long.toString(teacher.id())).query(String.class).list());
        assertThat(texts).hasSizeGreaterThanOrEqualTo(4);
        var runs = new ArrayList<String>();
        for (int i = 0; i + 6 <= identity.length(); i++) {
            runs.add(identity.substring(i, i + 6));
        }
        for (var text : texts) {
            for (var run : runs) {
                assertThat(text).as("no run of six characters of the identity number").doesNotContain(run);
            }
        }
        // the columns that hold anything of it: the keyed hash (64 hex digits) and the last four characters
        var columns = jdbc.sql("""
                select table_name || '.' || column_name from information_schema.columns
                where table_name in ('teacher', 'roster_import_row') and column_name like 'id\\_%'""").query(String.class).list();
        assertThat(columns).containsExactlyInAnyOrder("teacher.id_hash", "teacher.id_tail", "roster_import_row.id_hash",
                "roster_import_row.id_tail");
        var stored = jdbc.sql("select id_hash, id_tail from teacher where id = ?").param(teacher.id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(stored.get(0)).matches("[0-9a-f]{64}");
        assertThat(stored.get(1)).isEqualTo(identity.substring(14));
    }

    @Test
    void aStalePreviewIsNotApplied() {
        var number = number();
        var id = preview(csv(HEADER, line(number, "吴八", first, "小学", "语文", "专任教师", identity(61))));

        assertThat(refusal(() -> imports.apply(reporter, id, "not-the-token"))).as("another page's token").isEqualTo("roster.error.stale");
        imports.apply(reporter, id, token(id));
        assertThat(refusal(() -> imports.apply(reporter, id, token(id)))).as("applied twice").isEqualTo("roster.error.stale");

        var older = preview(csv(HEADER, line(number, "吴八", first, "小学", "数学", "专任教师", identity(61))));
        var newer = preview(csv(HEADER, line(number, "吴八", first, "小学", "英语", "专任教师", identity(61))));
        assertThat(refusal(() -> imports.apply(reporter, older, token(older)))).as("replaced by a newer file").isEqualTo("roster.error.stale");
        imports.apply(reporter, newer, token(newer));
        assertThat(roster.byNumber(number)).hasValueSatisfying(t -> assertThat(t.subject()).isEqualTo("英语"));
    }

    @Test
    void aPreviewIsNotAppliedOverATeacherChangedSinceItWasMade() {
        var number = number();
        applied(csv(HEADER, line(number, "郑九", first, "小学", "语文", "专任教师", identity(71))));
        var stale = preview(csv(HEADER, line(number, "郑九", first, "小学", "数学", "专任教师", identity(71))));
        // another preview of the district would supersede it: change the teacher as another import applied meanwhile would
        jdbc.sql("update teacher set version = version + 1 where teacher_number = ?").param(number).update();

        assertThat(refusal(() -> imports.apply(reporter, stale, token(stale)))).isEqualTo("roster.error.stale");
        assertThat(roster.byNumber(number)).hasValueSatisfying(t -> assertThat(t.subject()).isEqualTo("语文"));
    }

    @Test
    void everyChangeIsAuditedWithBeforeAndAfter() {
        String a = number(), b = number();
        applied(csv(HEADER, line(a, "冯十", first, "小学", "语文", "专任教师", identity(81)),
                line(b, "陈十一", first, "小学", "数学", "专任教师", identity(82))));
        var applied = applied(csv(HEADER, line(a, "冯十", first, "小学", "历史", "专任教师", identity(81))));
        var ta = roster.byNumber(a).orElseThrow();
        var tb = roster.byNumber(b).orElseThrow();

        var actions = jdbc.sql("""
                select action || ' ' || object_id from audit_event where object_type = 'teacher' and object_id in (?, ?) order by seq""")
                .params(Long.toString(ta.id()), Long.toString(tb.id())).query(String.class).list();
        assertThat(actions).containsExactly("roster.teacher-added " + ta.id(), "roster.teacher-added " + tb.id(),
                "roster.teacher-updated " + ta.id(), "roster.teacher-left " + tb.id());
        var update = jdbc.sql("""
                select before::text, after::text from audit_event where action = 'roster.teacher-updated' and object_id = ?""")
                .param(Long.toString(ta.id())).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(update.get(0)).as("before").contains("语文").doesNotContain("历史");
        assertThat(update.get(1)).as("after").contains("历史");
        // the rows name the teacher as the roster shows them (identity number masked) and who applied the import
        var added = jdbc.sql("""
                select after::jsonb::text, actor_username from audit_event where action = 'roster.teacher-added' and object_id = ?""")
                .param(Long.toString(ta.id())).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(added.get(0)).isEqualTo("{\"id\": " + ta.id() + ", \"name\": \"冯十\", \"post\": \"专任教师\", \"stage\": \"小学\", "
                + "\"state\": \"ACTIVE\", \"subject\": \"语文\", \"identity\": \"" + ta.maskedIdentity() + "\", \"schoolId\": " + first.id()
                + ", \"teacherNumber\": \"" + a + "\"}");
        assertThat(added.get(1)).isEqualTo(org.jianfu.audit.AuditActor.current().username());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'roster.import-applied' and object_id = ?")
                .param(Long.toString(applied.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDistrictCannotImportForOrReadTheTeachersOfAnother() {
        var number = number();
        applied(csv(HEADER, line(number, "褚十二", first, "小学", "语文", "专任教师", identity(91))));
        var teacher = roster.byNumber(number).orElseThrow();
        var haidian = data.as("haidian.reporter");

        assertThat(catchThrowableOfType(TeacherNotFoundException.class, () -> pages.teacher(haidian, teacher.id()))).isNotNull();
        assertThat(pages.list(haidian, null, number, Teacher.State.ACTIVE, null).rows()).isEmpty();
        assertThat(catchThrowableOfType(UnitNotFoundException.class, () -> pages.list(haidian, first.id(), null, Teacher.State.ACTIVE, null)))
                .isNotNull();
        assertThat(catchThrowableOfType(UnitNotFoundException.class,
                () -> imports.preview(haidian, data.daxing().id(), "x.csv", csv(HEADER, line(number(), "x", first, "", "", "", "")))))
                .isNotNull();
        assertThat(pages.list(reporter, null, number, Teacher.State.ACTIVE, null).rows()).extracting(Teacher::id).containsExactly(teacher.id());
        assertThat(pages.teacher(data.as("city.admin"), teacher.id()).teacher().id()).isEqualTo(teacher.id());
    }

    @Test
    void aTeacherOfAnotherDistrictStillInItsRosterIsAProblemNotAMove() {
        var number = number();
        applied(csv(HEADER, line(number, "卫十三", first, "小学", "语文", "专任教师", identity(95))));
        var haidian = data.as("haidian.reporter");
        var haidianSchool = data.as("school.user").unitId();
        var schoolName = pages.list(data.as("city.admin"), haidianSchool, null, Teacher.State.ACTIVE, null).unit().name();

        var id = imports.preview(haidian, null, "海淀.csv", csv(HEADER, String.join(",", number, "卫十三", schoolName, "", "", "", "")));

        assertThat(pages.preview(haidian, id).problems()).extracting(RosterImport.Row::problem).containsExactly("other-district");
        assertThat(imports.preview(reporter, null, "x.csv", csv(HEADER, line(number, "卫十三", first, "小学", "语文", "专任教师",
                identity(95))))).isPositive();
    }

    @Test
    void theRosterCountsTeachersPerSchoolAndDistrict() {
        var before = roster.count(data.daxing().id());
        var perSchool = roster.countsBySchool(data.daxing().id());
        var inTheTwoSchools = perSchool.getOrDefault(first.id(), 0L) + perSchool.getOrDefault(second.id(), 0L);
        applied(csv(HEADER, line(number(), "蒋十四", second, "", "", "", ""), line(number(), "沈十五", second, "", "", "", ""),
                line(number(), "韩十六", first, "", "", "", "")));

        // the file is the whole roster of the two schools it names: their earlier teachers are marked as left
        assertThat(roster.countsBySchool(data.daxing().id())).containsEntry(second.id(), 2L).containsEntry(first.id(), 1L);
        assertThat(roster.count(second.id())).isEqualTo(2);
        assertThat(roster.count(data.daxing().id())).isEqualTo(before - inTheTwoSchools + 3);
        assertThat(roster.count(data.daxing().parentId())).isGreaterThanOrEqualTo(3);
        assertThat(Roster.FIELDS).extracting(TeacherField::header).containsExactly("教师编号", "姓名", "学校", "学段", "学科", "岗位", "身份证号");
        assertThat(Roster.FIELDS.stream().filter(f -> !f.suppliable()).collect(Collectors.toList()))
                .containsExactly(TeacherField.IDENTITY_NUMBER);
    }
}
