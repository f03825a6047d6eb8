package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.Templates;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's files of a round with many districts (the summary workbook and a requirement's compiled document) list
 * every district once with its own answers and figures, and are read with as many statements for 60 districts as
 * for 6: ledgers, units, entries and figures each in one go, never once per district. One rolled-back transaction
 * with districts of its own; PostgreSQL's per-transaction statistics count the table scans (a statement reading a
 * table scans it at least once). The summary workbook is prepared in the background, which cannot see this
 * transaction's districts: it is written here as its preparation writes it ({@link Documents#summary}).
 */
@JianfuIntegrationTest
@Transactional
class RoundFilesAtScaleTests {

    private static final int REQUIREMENT = 4;

    @Autowired MockMvc mvc;
    @Autowired Documents documents;
    @Autowired Ledgers ledgers;
    @Autowired LedgerFigures figures;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MessageSource messages;

    @Test
    void theSummaryWorkbookListsEveryDistrictOnceWithItsAnswersAndFigures() throws Exception {
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var districts = districts(60);
        var round = roundOf(city, districts);
        var xlsx = summary(round, city);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var matrix = column(workbook.getSheetAt(0), 1, 2);
            assertThat(matrix.subList(0, districts.size())).containsExactlyElementsOf(names(districts));
            var answers = workbook.getSheetAt(1 + REQUIREMENT);
            for (int i = 0; i < districts.size(); i++) {
                var row = answers.getRow(3 + i);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(districts.get(i).name());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(answer(districts.get(i), REQUIREMENT));
            }
            // Each district's figures, as its own ledger's page shows them, in the same order.
            var figureSheet = workbook.getSheetAt(1);
            var rows = new ArrayList<List<String>>();
            for (int r = 2; r <= figureSheet.getLastRowNum(); r++) {
                rows.add(SummaryWorkbookFiguresTests.values(figureSheet.getRow(r)));
            }
            var labels = DocumentLabels.chinese(messages);
            for (var district : districts) {
                var shown = figures.shown(city, ledgers.ledgerOf(round.id(), district.id())).stream()
                        .map(f -> labels.text(f.messageKey(), f.arguments())).toList();
                var listed = rows.stream().filter(r -> r.get(0).equals(district.name())).map(r -> r.get(3)).toList();
                assertThat(listed).as(district.name()).isNotEmpty().containsExactlyInAnyOrderElementsOf(shown);
            }
            assertThat(rows.stream().map(r -> r.get(0)).distinct().toList()).containsExactlyElementsOf(names(districts));
        }
    }

    @Test
    void theCompiledDocumentListsEveryDistrictOnceWithItsAnswer() throws Exception {
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var districts = districts(60);
        var round = roundOf(city, districts);
        var docx = file("/ledger/rounds/{id}/requirements/" + REQUIREMENT + "/export/docx", round, city);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            for (int i = 0; i < districts.size(); i++) {
                var district = districts.get(i);
                var heading = CompiledRequirementWriter.chineseNumber(i + 1) + "、" + district.name() + "（已落实）";
                assertThat(paragraphs.stream().filter(p -> p.contains("、" + district.name() + "（"))).containsExactly(heading);
                assertThat(paragraphs.get(paragraphs.indexOf(heading) + 1)).isEqualTo(answer(district, REQUIREMENT));
            }
        }
    }

    @Test
    void theRoundsFilesAreReadWithAsManyStatementsForTenTimesTheDistricts() throws Exception {
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var all = districts(66);
        var small = roundOf(city, all.subList(0, 6));
        var large = roundOf(city, all.subList(6, 66));
        var compiled = "/ledger/rounds/{id}/requirements/" + REQUIREMENT + "/export/docx";
        var files = new java.util.LinkedHashMap<String, java.util.function.Function<LedgerRound, byte[]>>();
        files.put("the summary workbook", round -> summary(round, city));
        files.put(compiled, round -> file(compiled, round, city));
        for (var file : files.entrySet()) {
            // The first request may read what later ones find kept: the inspection register recomputes the kept findings
            // of districts it has not checked yet, once.
            file.getValue().apply(small);
            file.getValue().apply(large);
            var few = scans(() -> file.getValue().apply(small));
            var many = scans(() -> file.getValue().apply(large));
            assertThat(many).as(file.getKey() + ": table scans for 60 districts, for 6: " + few).isPositive().isLessThanOrEqualTo(few);
        }
    }

    /** New districts of the city, in the official order (by name: they have no code). */
    private List<Unit> districts(int count) {
        var parent = units.findByCode("110117").orElseThrow().parentId();
        var stamp = System.nanoTime();
        var created = new ArrayList<Unit>();
        for (int i = 0; i < count; i++) {
            created.add(units.create(new Units.NewUnit(parent, UnitType.DISTRICT, String.format("文件规模区%03d-%d", i, stamp), null, null)));
        }
        return created;
    }

    /** A round for these districts, every answer filled in with the district's name and the requirement's number. */
    private LedgerRound roundOf(AccountPrincipal city, List<Unit> districts) {
        var round = ledgers.openRound(city, templates.shipped2021(), LocalDate.now(clock).getYear(), "文件规模测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(30), districts.stream().map(Unit::id).toList());
        jdbc.sql("""
                update ledger_entry e set status = 'IMPLEMENTED', text = u.name || '：第' || r.number || '条已按要求落实。'
                from ledger l, unit u, template_requirement r
                where l.id = e.ledger_id and l.round_id = ? and u.id = l.unit_id and r.id = e.requirement_id""").param(round.id()).update();
        return round;
    }

    private static String answer(Unit district, int number) {
        return district.name() + "：第" + number + "条已按要求落实。";
    }

    private static List<String> names(List<Unit> districts) {
        return districts.stream().map(Unit::name).toList();
    }

    private static List<String> column(org.apache.poi.ss.usermodel.Sheet sheet, int column, int firstRow) {
        var values = new ArrayList<String>();
        for (int r = firstRow; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            if (row != null && row.getCell(column) != null) {
                values.add(row.getCell(column).getStringCellValue());
            }
        }
        return values;
    }

    private byte[] file(String path, LedgerRound round, AccountPrincipal as) {
        try {
            return mvc.perform(get(path, round.id()).with(user(as))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The summary workbook as its preparation writes it, in this transaction. */
    private byte[] summary(LedgerRound round, AccountPrincipal as) {
        return documents.summary(as, round.id(), clock.instant()).file().content();
    }

    /** Scans of every table (sequential and by index) writing the file made, in this transaction. */
    private long scans(Runnable write) {
        var before = scansSoFar();
        write.run();
        return scansSoFar() - before;
    }

    private long scansSoFar() {
        return jdbc.sql("select coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0) from pg_stat_xact_user_tables")
                .query(Long.class).single();
    }
}
