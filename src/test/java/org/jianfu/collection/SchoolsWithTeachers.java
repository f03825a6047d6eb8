package org.jianfu.collection;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Schools of a test district and their teachers in the roster, for the load check, the calendar and the pre-filled
 * file. Written straight into the roster's tables as an applied import would leave them (the roster's own import is
 * tested in its module); the tests that use it roll back.
 */
@Component
class SchoolsWithTeachers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final Units units;
    private final JdbcClient jdbc;
    private final SchoolGroups groups;

    SchoolsWithTeachers(Units units, JdbcClient jdbc, SchoolGroups groups) {
        this.units = units;
        this.jdbc = jdbc;
        this.groups = groups;
    }

    Unit school(Unit district, String name, SchoolStage stage) {
        return units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, name + SEQUENCE.incrementAndGet(), null, stage));
    }

    /** A teacher of the school in the roster, with an identity number held as its hash and last four characters. */
    String teacher(Unit school, String name, String subject) {
        var number = "CL" + SEQUENCE.incrementAndGet();
        var importId = jdbc.sql("""
                insert into roster_import (district_id, token, file_name, file_sha256, state, previewed_by, previewed_at, applied_by,
                    applied_at, rows_read, added, updated, unchanged, leaving, problems)
                values (?, ?, '采集测试名册.csv', repeat('0', 64), 'APPLIED', 'test', ?, 'test', ?, 1, 1, 0, 0, 0, 0) returning id""")
                .params(school.parentId(), number, utc(Instant.now()), utc(Instant.now()))
                .query(Long.class).single();
        jdbc.sql("""
                insert into teacher (teacher_number, name, school_id, district_id, stage, subject, post, id_hash, id_tail, import_id,
                    imported_at)
                values (?, ?, ?, ?, '小学', ?, '专任教师', repeat('a', 64), '4321', ?, ?)""")
                .params(number, name, school.id(), school.parentId(), subject, importId, utc(Instant.now())).update();
        // what the roster's RosterChanged event does after an applied import
        groups.rebuild(Set.of(school.parentId()));
        return number;
    }

    /** A form naming the schools, of teachers or of schools, with the fields and the minutes given. */
    static CollectionForm form(String title, Respondent respondent, List<Long> schoolIds, Set<SchoolStage> stages, List<Long> fieldIds,
            LocalDate dueOn, int minutesPerSchool, int minutesPerTeacher) {
        return new CollectionForm("测试科", CollectionKind.FORM, title, "测试目的", "测试依据", stages, schoolIds, respondent, fieldIds, "",
                Frequency.ONCE, dueOn.minusDays(10), dueOn, minutesPerSchool, minutesPerTeacher, false, null, null, 0);
    }
}
