package org.jianfu.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jianfu.account.Role;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's figures next to requirements 20 and 21, computed from the rows of each district (rolled back after), and
 * read for many districts in a fixed number of queries.
 */
@JianfuIntegrationTest
@Import(DutyTestData.class)
@Transactional
class DutyFiguresTests {

    static final List<String> TABLES = List.of("duty_assignment", "duty_lessons", "duty_competition", "duty_workload_standard");

    @Autowired DutyTestData data;
    @Autowired Duties duties;
    @Autowired Workloads workloads;
    @Autowired Competitions competitions;
    @Autowired DutyFigures figures;
    @Autowired List<RegisterFigures> registers;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theFiguresCountEachDistrictsOwnDutiesRefusalsOverloadAndRepeatsAndLinkToThem() throws Exception {
        var huairou = data.huairou();
        var mentougou = data.mentougou();
        var year = data.today().getYear();
        var ids = List.of(huairou.id(), mentougou.id());
        var before = figures.figuresFor(ids, year);
        var school = data.schools(huairou).get(1);
        var principal = data.person(Role.SCHOOL_USER, school);
        var teachers = data.teachers(school, 2, "高中", "化学", "专任教师");
        var allowed = duties.types().stream().filter(t -> !t.banned()).findFirst().orElseThrow();
        var banned = duties.types().stream().filter(DutyType::banned).toList();
        // in 怀柔区: one duty in force, two refused, one teacher above the standard, a competition repeated
        duties.record(principal, new Duties.DutyDraft(allowed.id(), teachers.get(0).teacherNumber(), new BigDecimal("4"), data.today(), null));
        duties.record(principal, new Duties.DutyDraft(banned.get(0).id(), teachers.get(1).teacherNumber(), BigDecimal.TEN, data.today(), null));
        duties.record(principal, new Duties.DutyDraft(banned.get(1).id(), teachers.get(1).teacherNumber(), BigDecimal.TEN, data.today(), null));
        workloads.recordLessons(principal, teachers.get(0).teacherNumber(), 14);
        workloads.recordLessons(principal, teachers.get(1).teacherNumber(), 10);
        var content = "高中化学实验教学" + System.nanoTime() % 100000;
        competitions.record(principal, new Competitions.CompetitionDraft(null, "区实验教学评比", "区教研中心", content, LocalDate.of(year, 1, 5)));
        competitions.record(principal, new Competitions.CompetitionDraft(null, "市实验教学展示", "市教科院", content, LocalDate.of(year, 1, 6)));
        // in 门头沟区: one duty in force
        var other = data.schools(mentougou).get(1);
        var otherTeacher = data.teachers(other, 1, "小学", "音乐", "专任教师").get(0);
        duties.record(data.person(Role.SCHOOL_USER, other), new Duties.DutyDraft(allowed.id(), otherTeacher.teacherNumber(), BigDecimal.ONE,
                data.today(), null));

        var after = figures.figuresFor(ids, year);

        assertThat(delta(before, after, huairou.id(), "duty.duties")).containsExactly(1, 2);
        assertThat(delta(before, after, huairou.id(), "duty.workload")).containsExactly(1, 2);
        assertThat(delta(before, after, huairou.id(), "duty.competitions")).containsExactly(2, 1);
        assertThat(delta(before, after, mentougou.id(), "duty.duties")).containsExactly(1, 0);
        assertThat(delta(before, after, mentougou.id(), "duty.workload")).containsExactly(0, 0);
        assertThat(delta(before, after, mentougou.id(), "duty.competitions")).containsExactly(0, 0);
        var huairouFigures = byKey(after.get(huairou.id()));
        assertThat(huairouFigures.get("duty.duties").requirementCode()).isEqualTo("2021-20");
        assertThat(huairouFigures.get("duty.duties").alert()).isTrue();
        assertThat(huairouFigures.get("duty.duties").link()).isEqualTo("/duties?district=" + huairou.id() + "&year=" + year + "&state=REFUSED");
        assertThat(huairouFigures.get("duty.duties").contradictions()).containsExactly(DutyFigures.NO_BANNED_DUTY);
        assertThat(huairouFigures.get("duty.workload").link()).isEqualTo("/duties/workload?district=" + huairou.id() + "&above=true");
        assertThat(huairouFigures.get("duty.competitions").link())
                .isEqualTo("/duties/competitions?district=" + huairou.id() + "&year=" + year + "&repeated=true");
        assertThat(huairouFigures.get("duty.workload-wellbeing").requirementCode()).isEqualTo("2021-21");
        // the single-district method agrees, and the ledger finds the figures among the registers' beans
        assertThat(figures.figuresFor(huairou.id(), year)).extracting(f -> List.of(f.arguments()))
                .isEqualTo(after.get(huairou.id()).stream().map(f -> List.of(f.arguments())).toList());
        assertThat(registers).anyMatch(r -> r instanceof DutyFigures);
        // and the district's ledger of the year shows them next to requirement 20, linked to the rows
        var ledger = jdbc.sql("""
                select l.id from ledger l join ledger_round r on r.id = l.round_id where l.unit_id = ? and r.year = ?
                order by l.id desc limit 1""").param(huairou.id()).param(year).query(Long.class).single();
        var counted = huairouFigures.get("duty.duties").arguments();
        var html = mvc.perform(get("/ledgers/" + ledger).with(user(data.city()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("学校登记的非教学工作 " + counted[0] + " 项；因属禁止安排类型（寄宿制学校安保、食堂管理等）被拒绝 "
                + counted[1] + " 次").contains("/duties?district=" + huairou.id() + "&amp;year=" + year + "&amp;state=REFUSED");
    }

    @Test
    void theFiguresOfSixDistrictsReadTheTablesAsOftenAsThoseOfTwo() {
        // index scans only, so each read is one scan whatever the planner would think of the tests' small tables
        jdbc.sql("set local enable_seqscan = off").update();
        var school = data.schools(data.huairou()).get(2);
        var principal = data.person(Role.SCHOOL_USER, school);
        var teacher = data.teachers(school, 1, "小学", "美术", "专任教师").get(0);
        workloads.recordLessons(principal, teacher.teacherNumber(), 12);
        var year = data.today().getYear();
        var two = List.of("110116", "110109");
        var six = List.of("110116", "110109", "110111", "110112", "110113", "110114");

        var scansOfTwo = scans(two, year);
        var scansOfSix = scans(six, year);

        assertThat(scansOfTwo.get("duty_assignment")).isPositive();
        assertThat(scansOfTwo.get("duty_lessons")).isPositive();
        assertThat(scansOfTwo.get("duty_competition")).isPositive();
        assertThat(scansOfSix).isEqualTo(scansOfTwo);
    }

    private Map<String, Long> scans(List<String> codes, int year) {
        var ids = codes.stream().map(code -> data.units.findByCode(code).orElseThrow().id()).toList();
        var before = tableScans();
        figures.figuresFor(ids, year);
        var after = tableScans();
        return TABLES.stream().collect(Collectors.toMap(t -> t, t -> after.getOrDefault(t, 0L) - before.getOrDefault(t, 0L)));
    }

    private Map<String, Long> tableScans() {
        return jdbc.sql("select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_xact_user_tables where relname in (:tables)")
                .param("tables", TABLES).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, RegisterFigures.Figure> byKey(List<RegisterFigures.Figure> list) {
        return list.stream().collect(Collectors.toMap(RegisterFigures.Figure::key, f -> f));
    }

    /** The change of a figure's two numbers between two readings. */
    private static List<Integer> delta(Map<Long, List<RegisterFigures.Figure>> before, Map<Long, List<RegisterFigures.Figure>> after,
            long district, String key) {
        var b = byKey(before.get(district)).get(key).arguments();
        var a = byKey(after.get(district)).get(key).arguments();
        return List.of((int) (((Number) a[0]).longValue() - ((Number) b[0]).longValue()),
                (int) (((Number) a[1]).longValue() - ((Number) b[1]).longValue()));
    }
}
