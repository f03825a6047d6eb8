package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jianfu.platform.Semester;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.RosterImports;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The load of a collection reaching a whole area, counted by district and stage ({@link SchoolGroups}), against the same
 * load counted school by school from each school's calendar: the same schools above the limits, the same heaviest five
 * with the same numbers. New schools of 延庆区 with and without teachers, of stages the collection reaches and does not,
 * one disabled; collections of the district and of the city reaching all of them by stage, and some naming a few.
 * Rolled back.
 */
@JianfuIntegrationTest
@Transactional
class AreaLoadTests {

    static final LocalDate DUE = LocalDate.of(2025, 11, 20);

    @Autowired CollectionRegister register;
    @Autowired CollectionLimits limits;
    @Autowired SchoolLoadCheck check;
    @Autowired CollectionCalendar calendar;
    @Autowired CollectionTargets targets;
    @Autowired CollectionTestData data;
    @Autowired SchoolsWithTeachers schools;
    @Autowired Roster roster;
    @Autowired Units units;
    @Autowired RosterImports imports;
    @Autowired JdbcClient jdbc;
    @Autowired FiguresRepository figures;

    /** A school's load school by school: its calendar in the semester, and what the new collection adds. */
    private record Expected(long id, int collections, long minutes) {
    }

    private List<Expected> schoolBySchool(DataCollection fresh) {
        var period = CollectionCalendar.Period.of(Semester.of(fresh.dueOn()));
        return targets.schools(fresh).stream().map(place -> {
            var school = units.get(place.id());
            var entries = calendar.calendar(school, period);
            var teachers = roster.countsBySchool(place.districtId()).getOrDefault(place.id(), 0L);
            return new Expected(place.id(), entries.size() + 1, entries.stream().mapToLong(CollectionCalendar.Entry::minutes).sum()
                    + fresh.minutesPerSchool() + fresh.minutesPerTeacher() * teachers);
        }).toList();
    }

    private void limit(int collections, long minutes) {
        var settings = limits.settings();
        limits.change(data.as("city.admin"), settings.version(), settings.teacherSurveyYearlyTotal(), settings.overlapWindowDays(),
                settings.statisticsDepartmentIds(), new CollectionSettings.SchoolLoadLimit(collections, (int) minutes));
    }

    /** At each limit, the check finds exactly the schools counted one by one above it, the heaviest first. */
    private void sameAsSchoolBySchool(DataCollection fresh, List<Expected> expected) {
        var minutes = expected.stream().mapToLong(Expected::minutes).sorted().toArray();
        var counts = expected.stream().mapToInt(Expected::collections).sorted().toArray();
        for (var at : List.of(0.0, 0.3, 0.5, 0.9)) {
            for (var byCollections : List.of(false, true)) {
                var collectionLimit = byCollections ? Math.max(1, counts[(int) (at * (counts.length - 1))]) : 1000;
                var minuteLimit = byCollections ? 1_000_000 : Math.max(1, minutes[(int) (at * (minutes.length - 1))]);
                limit(collectionLimit, minuteLimit);
                var over = expected.stream().filter(e -> e.collections() > collectionLimit || e.minutes() > minuteLimit)
                        .sorted(Comparator.comparingInt((Expected e) -> -e.collections()).thenComparingLong(e -> -e.minutes())
                                .thenComparingLong(Expected::id))
                        .toList();
                var finding = check.check(fresh);
                if (over.isEmpty()) {
                    assertThat(finding).as("limit %d collections, %d minutes", collectionLimit, minuteLimit).isEmpty();
                    continue;
                }
                assertThat(finding).as("limit %d collections, %d minutes", collectionLimit, minuteLimit).isPresent();
                assertThat(finding.get().schoolsOver()).as("schools over %d collections, %d minutes", collectionLimit, minuteLimit)
                        .isEqualTo(over.size());
                assertThat(finding.get().first()).extracting(s -> new Expected(s.id(), s.collections(), s.minutes()))
                        .containsExactlyElementsOf(over.subList(0, Math.min(SchoolLoadCheck.NAMED, over.size())));
            }
        }
    }

    private Unit school(CollectionTestData.District d, String name, SchoolStage stage, int teachers) {
        var school = schools.school(d.district(), name, stage);
        for (int i = 0; i < teachers; i++) {
            schools.teacher(school, "区域负担教师" + i, "语文");
        }
        return school;
    }

    @Test
    void aDistrictsCollectionForSomeStagesCountsTheSameSchoolsAsCountingSchoolBySchool() {
        var yanqing = data.yanqing();
        var a = school(yanqing, "延庆区域负担甲小学", SchoolStage.PRIMARY, 3);
        var b = school(yanqing, "延庆区域负担乙小学", SchoolStage.PRIMARY, 0);
        var c = school(yanqing, "延庆区域负担丙九年一贯制学校", SchoolStage.NINE_YEAR, 5);
        var d = school(yanqing, "延庆区域负担丁中学", SchoolStage.JUNIOR, 1);
        school(yanqing, "延庆区域负担戊高中", SchoolStage.SENIOR, 2);
        var closed = school(yanqing, "延庆区域负担己小学", SchoolStage.PRIMARY, 4);
        units.update(closed.id(), closed.version(), new Units.UnitChange(closed.name(), closed.code(), closed.stage(), false));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆区域小学统计", Respondent.TEACHERS, List.of(), Set.of(SchoolStage.PRIMARY),
                data.fields("S.PUPILS"), DUE.minusDays(5), 20, 3));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆区域全区情况", Respondent.SCHOOLS, List.of(), Set.of(),
                data.fields("S.CLASSES"), DUE.plusDays(10), 15, 0));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆区域指定学校", Respondent.TEACHERS, List.of(a.id(), c.id(), d.id()), Set.of(),
                data.fields("S.STAFF"), DUE.minusDays(30), 25, 2));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆区域指定一校", Respondent.SCHOOLS, List.of(b.id()), Set.of(),
                data.fields("S.STAFF"), DUE.minusDays(20), 40, 0));
        var fresh = register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆区域小学初中教师情况", Respondent.TEACHERS,
                List.of(), Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR), data.fields("T.HONOURS"), DUE, 10, 4));

        var expected = schoolBySchool(fresh);
        assertThat(expected).extracting(Expected::id).contains(a.id(), b.id(), c.id(), d.id()).doesNotContain(closed.id());
        sameAsSchoolBySchool(fresh, expected);
    }

    @Test
    void theCitysCollectionForEveryStageCountsTheSameSchoolsAsCountingSchoolBySchool() {
        var yanqing = data.yanqing();
        var miyun = data.miyun();
        var a = school(yanqing, "延庆全市负担甲小学", SchoolStage.PRIMARY, 2);
        school(yanqing, "延庆全市负担乙高中", SchoolStage.SENIOR, 6);
        var c = school(miyun, "密云全市负担丙十二年一贯制学校", SchoolStage.TWELVE_YEAR, 3);
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆全市测试区级统计", Respondent.TEACHERS, List.of(), Set.of(SchoolStage.SENIOR),
                data.fields("S.PUPILS"), DUE.minusDays(5), 20, 5));
        data.arranged(miyun, SchoolsWithTeachers.form("密云全市测试指定学校", Respondent.SCHOOLS, List.of(c.id()), Set.of(),
                data.fields("S.STAFF"), DUE.minusDays(3), 50, 0));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆全市测试指定学校", Respondent.TEACHERS, List.of(a.id()), Set.of(),
                data.fields("S.STAFF"), DUE.minusDays(3), 5, 1));
        var cityDepartment = data.as("city.dept");
        var fresh = register.register(cityDepartment, SchoolsWithTeachers.form("全市负担测试教师情况", Respondent.TEACHERS, List.of(), Set.of(),
                data.fields("T.HONOURS"), DUE, 10, 2));
        assertThat(fresh.arrangingUnitId()).isEqualTo(units.root().orElseThrow().id());

        var expected = schoolBySchool(fresh);
        assertThat(expected).extracting(Expected::id).contains(a.id(), c.id());
        sameAsSchoolBySchool(fresh, expected);
    }

    @Test
    void anAppliedRosterImportAndADisabledSchoolReachTheLoadCountsInTheSameTransaction() {
        var yanqing = data.yanqing();
        var school = schools.school(yanqing.district(), "延庆名册导入负担小学", SchoolStage.PRIMARY);
        var teachers = "select g.teachers[array_position(g.school_ids, ?)] from collection_school_group g where g.district_id = ? and g.stage = 'PRIMARY'";
        assertThat(jdbc.sql(teachers).params(school.id(), yanqing.district().id()).query(Integer.class).single()).isZero();

        var file = String.join("\n", "教师编号,姓名,学校,学段,学科,岗位,身份证号",
                "YQLOAD1,甲老师," + school.name() + ",小学,语文,专任教师,", "YQLOAD2,乙老师," + school.name() + ",小学,数学,专任教师,");
        imports.importFile(yanqing.reporter(), null, "延庆名册.csv", file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(jdbc.sql(teachers).params(school.id(), yanqing.district().id()).query(Integer.class).single()).isEqualTo(2);

        units.update(school.id(), units.get(school.id()).version(), new Units.UnitChange(school.name(), null, SchoolStage.PRIMARY, false));
        assertThat(jdbc.sql("select count(*) from collection_school_group g where ? = any(g.school_ids)").param(school.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theDistrictsLoadFigureCountsTheSameCollectionsAndMinutesAsEachSchoolsCalendarOfTheYear() {
        var yanqing = data.yanqing();
        var miyun = data.miyun();
        var a = school(yanqing, "延庆年度负担甲小学", SchoolStage.PRIMARY, 2);
        var b = school(yanqing, "延庆年度负担乙九年一贯制学校", SchoolStage.NINE_YEAR, 0);
        school(yanqing, "延庆年度负担丙高中", SchoolStage.SENIOR, 1);
        var closed = school(yanqing, "延庆年度负担丁小学", SchoolStage.PRIMARY, 0);
        units.update(closed.id(), closed.version(), new Units.UnitChange(closed.name(), closed.code(), closed.stage(), false));
        var other = school(miyun, "密云年度负担小学", SchoolStage.PRIMARY, 0);
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆年度初中统计", Respondent.TEACHERS, List.of(), Set.of(SchoolStage.JUNIOR),
                data.fields("S.PUPILS"), DUE.minusDays(40), 20, 3));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆年度全区情况", Respondent.SCHOOLS, List.of(), Set.of(),
                data.fields("S.CLASSES"), DUE.minusDays(30), 15, 0));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆年度指定学校", Respondent.TEACHERS, List.of(a.id(), b.id(), closed.id()), Set.of(),
                data.fields("S.STAFF"), DUE.minusDays(30), 25, 2));
        data.arranged(miyun, SchoolsWithTeachers.form("密云年度指定学校", Respondent.SCHOOLS, List.of(other.id()), Set.of(),
                data.fields("S.STAFF"), DUE.minusDays(20), 40, 0));
        var year = DUE.getYear();

        // school by school: every collection on each enabled school's calendar whose window opens in the year
        var period = new CollectionCalendar.Period(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 12, 31), null);
        var schoolsOfDistrict = units.enabledSchoolsUnder(yanqing.district().id());
        var entries = schoolsOfDistrict.stream().flatMap(s -> calendar.calendar(units.get(s.id()), period).stream())
                .map(CollectionCalendar.Entry::collection).filter(c -> c.opensOn().getYear() == year).toList();

        var district = yanqing.district();
        var above = new java.util.ArrayList<>(CollectionTargets.above(district));
        above.add(district.id());
        var load = figures.load(java.util.Map.of(district.id(), above), year).get(district.id());
        assertThat(load.schools()).isEqualTo(schoolsOfDistrict.size());
        assertThat(load.issued()).isEqualTo(entries.size());
        assertThat(load.schoolMinutes()).isEqualTo(entries.stream().mapToLong(ScheduleRepository.Scheduled::minutesPerSchool).sum());
        assertThat(load.teacherMinutes()).isEqualTo(entries.stream().mapToLong(ScheduleRepository.Scheduled::minutesPerTeacher).sum());
        assertThat(load.issued()).as("the named schools and the district-wide ones are counted").isGreaterThan(schoolsOfDistrict.size());
    }
}
