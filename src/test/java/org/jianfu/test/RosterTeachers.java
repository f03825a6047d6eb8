package org.jianfu.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.RosterImports;
import org.jianfu.teacher.Teacher;
import org.jianfu.unit.Unit;
import org.springframework.stereotype.Component;

/**
 * Teachers put into a district's roster through the roster's own import, for the tests of the registers that read the
 * roster (staffing, school duties): one CSV file per call, with teacher numbers no other test (nor an earlier run on the
 * same database) has used. A file is the whole roster of the schools it names, so each call replaces those schools'
 * earlier test teachers.
 */
@Component
public class RosterTeachers {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final RosterImports imports;
    private final Roster roster;

    public RosterTeachers(RosterImports imports, Roster roster) {
        this.imports = imports;
        this.roster = roster;
    }

    /** A teacher of the file: the school, and the stage, subject and post (each may be empty). */
    public record NewTeacher(Unit school, String stage, String subject, String post) {

        /** A teacher of this school with no stage, subject or post. */
        public static NewTeacher at(Unit school) {
            return new NewTeacher(school, "", "", "");
        }
    }

    /**
     * The teachers, imported in one file by {@code reporter} into the roster of {@code districtId} (null: the reporter's own
     * district), numbered {@code prefix…} and named {@code name} with a sequence number; returned in the order given.
     */
    public List<Teacher> imported(AccountPrincipal reporter, Long districtId, String prefix, String name, List<NewTeacher> teachers) {
        var numbers = new ArrayList<String>();
        var file = new StringBuilder("教师编号,姓名,学校,学段,学科,岗位\r\n");
        for (var teacher : teachers) {
            var number = prefix + System.currentTimeMillis() % 1_000_000 + "-" + NEXT.incrementAndGet();
            numbers.add(number);
            file.append(String.join(",", number, name + NEXT.get(), teacher.school().name(), teacher.stage(), teacher.subject(),
                    teacher.post())).append("\r\n");
        }
        imports.importFile(reporter, districtId, name + "名册.csv", file.toString().getBytes(StandardCharsets.UTF_8));
        return numbers.stream().map(n -> roster.byNumber(n).orElseThrow()).toList();
    }
}
