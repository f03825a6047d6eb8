package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Contradiction;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.RegisterFigures.Figure;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.ReportForm;
import org.jianfu.whitelist.Reports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection register's figures on a district's ledger (requirements 14–17), computed from rows the test makes in
 * 通州区 and read through the ledger; each links to exactly the rows it counts, which another district cannot open.
 * Rolled back.
 */
@JianfuIntegrationTest
@Transactional
class CollectionFiguresTests {

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired CollectionTestData data;
    @Autowired CollectionFigures figures;
    @Autowired LedgerFigures ledgerFigures;
    @Autowired Ledgers ledgers;
    @Autowired Reports reports;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private String page(String path, AccountPrincipal who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The district's ledger in an open round of the year: the demo's, or one the test opens. */
    private long ledgerOf(CollectionTestData.District d, int year) {
        var round = jdbc.sql("select id from ledger_round where year = ? and state = 'OPEN' order by id limit 1").param(year)
                .query(Long.class).optional()
                .orElseGet(() -> ledgers.openRound(data.as("city.admin"), jdbc.sql("select id from ledger_template where year = 2021")
                        .query(Long.class).single(), year, "采集统计测试台账", LocalDate.of(year, 12, 31), List.of()).id());
        return ledgers.ledgerOf(round, d.district().id());
    }

    private Map<String, Figure> collectionFigures(AccountPrincipal reader, long ledger) {
        return ledgerFigures.shown(reader, ledger).stream().filter(f -> f.key().startsWith("collection.") || f.key().equals("whitelist.reports"))
                .collect(Collectors.toMap(Figure::key, Function.identity()));
    }

    private static int number(Figure figure, int argument) {
        return ((Number) figure.arguments()[argument]).intValue();
    }

    private static double decimal(Figure figure, int argument) {
        return Double.parseDouble(figure.arguments()[argument].toString());
    }

    private CollectionForm form(CollectionKind kind, String title, Respondent respondent, LocalDate opens, String... fields) {
        var approved = kind == CollectionKind.STATISTICS;
        return new CollectionForm("测试科", kind, title, "测试目的", "测试依据", Set.of(), List.of(), respondent, data.fields(fields), "",
                Frequency.ONCE, opens, opens.plusDays(10), 30, respondent == Respondent.TEACHERS ? 10 : 0, false,
                approved ? "京统函〔测试〕1号" : null, approved ? LocalDate.now(clock).minusDays(1) : null, 0);
    }

    private DataCollection decide(CollectionTestData.District d, CollectionForm form, CollectionRegister.Decision decision, Long into) {
        var prepared = data.prepared(d, form);
        return register.decide(d.approver(), prepared.id(), prepared.version(), decision, into,
                decision == CollectionRegister.Decision.REFUSE ? "重复采集" : null);
    }

    @Test
    void theLedgerShowsFiguresComputedFromTheRegistersRowsEachLinkingToTheRowsItCounts() throws Exception {
        var tongzhou = data.tongzhou();
        var opens = LocalDate.now(clock);
        var year = opens.getYear();
        var ledger = ledgerOf(tongzhou, year);
        var tongzhouSchool = data.school(tongzhou, org.jianfu.unit.SchoolStage.PRIMARY);
        var shunyiSchool = data.school(data.shunyi(), org.jianfu.unit.SchoolStage.PRIMARY);
        var before = collectionFigures(tongzhou.reporter(), ledger);

        // A arranged: S.CLASSES is held by the student-status system (caught); S.DISTRICT, this platform's, asked first
        var a = data.arranged(tongzhou, form(CollectionKind.FORM, "通州统计甲", Respondent.SCHOOLS, opens, "S.DISTRICT", "S.CLASSES"));
        // B merged into A: S.DISTRICT collected already by A, T.NAME held by the teacher system: both caught and reused
        decide(tongzhou, form(CollectionKind.FORM, "通州统计乙", Respondent.SCHOOLS, opens, "S.DISTRICT", "T.NAME"),
                CollectionRegister.Decision.MERGE, a.id());
        // C a teacher survey arranged, asking a teacher-system field: caught, issued
        data.arranged(tongzhou, form(CollectionKind.SURVEY, "通州统计丙", Respondent.TEACHERS, opens, "T.SUBJECT"));
        // D statistics with the statistics department's approval, arranged; E refused, asking S.STAGE that D collected
        var d = data.arranged(tongzhou, form(CollectionKind.STATISTICS, "通州统计丁", Respondent.SCHOOLS, opens, "S.STAGE"));
        decide(tongzhou, form(CollectionKind.STATISTICS, "通州统计戊", Respondent.SCHOOLS, opens, "S.STAGE"),
                CollectionRegister.Decision.REFUSE, null);
        // F waiting for arrangement: two teacher-system fields, caught
        register.register(tongzhou.departmentUser(), form(CollectionKind.FORM, "通州统计己", Respondent.TEACHERS, opens, "T.NAME", "T.STAGE"));
        // reports of collections without a code: one anonymous, one by a school, the school's handled
        reports.fileAnonymously("198.51.100.14", new ReportForm(tongzhou.district().id(), null, Report.Kind.UNCODED_COLLECTION, null, null,
                "通州某街道问卷", "未编码问卷", null));
        // a school of another district reports to its own district: not counted here
        reports.fileBySchool(shunyiSchool.user(), new ReportForm(null, null, Report.Kind.UNCODED_COLLECTION, null, null, "顺义某中心报表",
                "未编码报表", null));
        var filed = reports.fileBySchool(tongzhouSchool.user(), new ReportForm(null, null, Report.Kind.UNCODED_COLLECTION, null, null,
                "通州某中心材料", "未编码材料", null)).report();
        reports.handle(tongzhou.approver(), filed.id(), filed.version(), Report.State.HANDLED, "已核实", "已责令改正");

        var after = collectionFigures(tongzhou.reporter(), ledger);
        Function<String, int[]> delta = key -> {
            var was = before.get(key);
            var is = after.get(key);
            return java.util.stream.IntStream.range(0, is.arguments().length)
                    .map(i -> is.arguments()[i] instanceof Number ? number(is, i) - number(was, i) : 0).toArray();
        };
        // the campus-entry reports figure (requirement 13) does not count the reports of another subject
        assertThat(delta.apply("whitelist.reports")).containsExactly(0, 0);
        after.remove("whitelist.reports");
        assertThat(after.keySet()).containsExactlyInAnyOrder("collection.arrangement", "collection.load", "collection.uncoded-reports",
                "collection.statistics", "collection.teacher-surveys", "collection.duplicates", "collection.teacher-fields");
        assertThat(after.get("collection.arrangement").requirementCode()).isEqualTo("2021-14");
        assertThat(after.get("collection.teacher-surveys").requirementCode()).isEqualTo("2021-15");
        assertThat(after.get("collection.duplicates").requirementCode()).isEqualTo("2021-16");
        assertThat(after.get("collection.teacher-fields").requirementCode()).isEqualTo("2021-17");
        // registered, arranged, merged, refused, waiting
        assertThat(delta.apply("collection.arrangement")).containsExactly(6, 3, 1, 1, 1);
        // statistics registered, arranged, approved
        assertThat(delta.apply("collection.statistics")).containsExactly(2, 1, 1);
        // teacher surveys arranged, against the yearly total set as data
        assertThat(delta.apply("collection.teacher-surveys")[0]).isEqualTo(1);
        assertThat(number(after.get("collection.teacher-surveys"), 1))
                .isEqualTo(jdbc.sql("select teacher_survey_yearly_total from collection_settings").query(Integer.class).single());
        // caught: A's S.CLASSES, B's two, C's T.SUBJECT, E's S.STAGE, F's two; reused: B's and E's
        assertThat(delta.apply("collection.duplicates")).containsExactly(7, 3);
        // teacher-system fields: B's T.NAME, C's T.SUBJECT, F's two; issued with an arranged collection: C's
        assertThat(delta.apply("collection.teacher-fields")).containsExactly(4, 1);
        assertThat(delta.apply("collection.uncoded-reports")).containsExactly(2, 1);
        // A, C and D reach every school of the district, two terms a year: per school and term 1.5 collections, 45 school and 5 teacher minutes
        var load = after.get("collection.load");
        assertThat(number(load, 3)).isEqualTo(jdbc.sql("select count(*) from unit where parent_id = ? and type = 'SCHOOL' and enabled")
                .param(tongzhou.district().id()).query(Integer.class).single());
        var loadBefore = before.get("collection.load");
        assertThat(decimal(load, 0) - decimal(loadBefore, 0)).isCloseTo(1.5, within(0.11));
        assertThat(decimal(load, 1) - decimal(loadBefore, 1)).isCloseTo(45.0, within(0.11));
        assertThat(decimal(load, 2) - decimal(loadBefore, 2)).isCloseTo(5.0, within(0.11));

        // what they contradict, as data
        assertThat(after.get("collection.uncoded-reports").contradictions()).contains(CollectionFigures.NO_UNCODED)
                .anyMatch(c -> c instanceof Contradiction.Status s && s.reasonKey().equals("collection.contradiction.reports-pending"));
        assertThat(after.get("collection.duplicates").contradictions()).contains(CollectionFigures.NO_REPEATED_FIELDS);
        assertThat(after.get("collection.teacher-fields").contradictions()).contains(CollectionFigures.NO_TEACHER_REENTRY);
        assertThat(after.get("collection.arrangement").contradictions())
                .anyMatch(c -> c instanceof Contradiction.Status s && s.reasonKey().equals("collection.contradiction.waiting"));

        // the ledger page shows them beside the district's text
        var shown = messages.getMessage("collection.figure.uncoded-reports", after.get("collection.uncoded-reports").arguments(),
                java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(page("/ledgers/" + ledger, tongzhou.reporter())).contains(shown);

        // each link opens the rows it counted, for the district and the city; another district finds nothing
        var titles = Map.of(
                "collection.arrangement", List.of("甲", "乙", "丙", "丁", "戊", "己"),
                "collection.statistics", List.of("丁", "戊"),
                "collection.teacher-surveys", List.of("丙"),
                "collection.duplicates", List.of("甲", "乙", "丙", "戊", "己"),
                "collection.teacher-fields", List.of("乙", "丙", "己"),
                "collection.load", List.of("甲", "丙", "丁"));
        var all = List.of("甲", "乙", "丙", "丁", "戊", "己");
        for (var entry : titles.entrySet()) {
            var link = after.get(entry.getKey()).link();
            for (var reader : List.of(tongzhou.reporter(), data.as("city.admin"))) {
                var rows = page(link, reader);
                for (var suffix : all) {
                    if (entry.getValue().contains(suffix)) {
                        assertThat(rows).as(link + " shows " + suffix).contains("通州统计" + suffix);
                    }
                    else {
                        assertThat(rows).as(link + " leaves out " + suffix).doesNotContain("通州统计" + suffix);
                    }
                }
            }
            mvc.perform(get(link).with(user(data.shunyi().reporter()))).andExpect(status().isNotFound());
        }
        var reportRows = page(after.get("collection.uncoded-reports").link(), data.as("city.admin"));
        assertThat(reportRows).contains("通州某街道问卷").contains("通州某中心材料").doesNotContain("顺义某中心报表");
        mvc.perform(get(after.get("collection.uncoded-reports").link()).with(user(data.shunyi().reporter())))
                .andExpect(status().isNotFound());
        assertThat(d.code()).isNotNull();
    }

    @Test
    void theFiguresOfManyDistrictsAreTheSameAsEachDistrictsAlone() {
        var tongzhou = data.tongzhou();
        var shunyi = data.shunyi();
        var opens = LocalDate.now(clock);
        data.arranged(tongzhou, form(CollectionKind.FORM, "通州批量甲", Respondent.SCHOOLS, opens, "S.NAME"));
        data.prepared(tongzhou, form(CollectionKind.FORM, "通州批量丙", Respondent.SCHOOLS, opens, "S.NAME"));
        data.arranged(shunyi, form(CollectionKind.SURVEY, "顺义批量乙", Respondent.TEACHERS, opens, "T.SUBJECT"));
        var ids = List.of(tongzhou.district().id(), shunyi.district().id(), data.as("city.admin").unitId());
        var together = figures.figuresFor(ids, opens.getYear());
        for (var id : ids) {
            assertThat(together.get(id)).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(figures.figuresFor(id, opens.getYear()));
        }
        assertThat(Arrays.stream(together.get(tongzhou.district().id()).get(0).arguments()).map(Object::toString).toList())
                .isNotEqualTo(Arrays.stream(together.get(shunyi.district().id()).get(0).arguments()).map(Object::toString).toList());
    }
}
