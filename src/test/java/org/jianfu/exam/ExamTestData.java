package org.jianfu.exam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.teacher.Teacher;
import org.jianfu.test.Fixtures;
import org.jianfu.test.RosterTeachers;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Exam-duty test data in districts of its own (created in each test's transaction, so rolled back with it): schools, a
 * department under the district, people of each role, and teachers imported through the roster's own import.
 */
@TestComponent
class ExamTestData {

    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;
    final RosterTeachers rosterTeachers;

    ExamTestData(Units units, Fixtures fixtures, UserDetailsService users, RosterTeachers rosterTeachers) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
        this.rosterTeachers = rosterTeachers;
    }

    /** A district of the test's own, with these schools and one department. */
    record Area(Unit district, List<Unit> schools, Unit department) {
    }

    Area area(String name, int schools) {
        var district = units.create(new Units.NewUnit(fixtures.city().id(), UnitType.DISTRICT, name, null, null));
        var list = new ArrayList<Unit>();
        for (var i = 1; i <= schools; i++) {
            list.add(units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, name + "第" + i + "中学", null,
                    org.jianfu.unit.SchoolStage.JUNIOR)));
        }
        var department = units.create(new Units.NewUnit(district.id(), UnitType.DEPARTMENT, name + "人力社保局", null, null));
        return new Area(district, list, department);
    }

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    AccountPrincipal city() {
        return person(Role.CITY_ADMIN, fixtures.city());
    }

    /** Teachers of each school, {@code perSchool} of them, imported in one file by the district's reporter. */
    List<Teacher> teachers(Area area, int perSchool) {
        var wanted = new ArrayList<RosterTeachers.NewTeacher>();
        area.schools().forEach(s -> wanted.addAll(Collections.nCopies(perSchool, RosterTeachers.NewTeacher.at(s))));
        return rosterTeachers.imported(person(Role.DISTRICT_REPORTER, area.district()), area.district().id(), "EX", "监考测试教师", wanted);
    }

    /** An .xlsx of these rows, with a merged title row, merged group headers over the first header row, and blank rows. */
    static byte[] messySheet(List<List<String>> rows) throws IOException {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("监考安排");
            sheet.createRow(0).createCell(0).setCellValue("２０２６年社会考试监考人员安排表");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            var group = sheet.createRow(1);
            group.createCell(0).setCellValue("考试信息");
            group.createCell(3).setCellValue("监考教师");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 3, 4));
            var r = 2;
            for (var row : rows) {
                var sheetRow = sheet.createRow(r++);
                for (var c = 0; c < row.size(); c++) {
                    if (row.get(c) != null) {
                        sheetRow.createCell(c).setCellValue(row.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
