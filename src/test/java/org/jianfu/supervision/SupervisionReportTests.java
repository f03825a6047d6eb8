package org.jianfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.account.Role;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures on the ledger for requirements 22 and 23, many districts at once, against counts made by hand; a district's
 * report as Word with its visits, findings, a chart and (for the city alone) the accountability count; the chart itself.
 */
@JianfuIntegrationTest
@Import(VisitTestData.class)
@Transactional
class SupervisionReportTests {

    @Autowired VisitTestData data;
    @Autowired SupervisionFigures figures;
    @Autowired Rectifications rectifications;
    @Autowired Accountabilities accountabilities;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static String text(byte[] docx) {
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cells(byte[] xlsx) {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var text = new StringBuilder();
            book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n'))));
            return text.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theLedgerFiguresOfManyDistrictsAreCountedInOneCallAsByHand() {
        var a = data.district();
        var b = data.district();
        var none = data.district();
        var office = data.office();
        var year = data.today().getYear();
        var visit = data.visit(office, a, b);
        data.visit(office, a);
        var reporterA = data.person(Role.DISTRICT_REPORTER, a);
        // a: three findings, one overdue (deadline yesterday is impossible at recording: found on the visit's day, so a deadline of
        // that day, then the clock moves), one closed, one citing requirement 22 and open
        var start = data.clock.instant();
        try {
            var overdue = data.finding(office, visit, a, "逾期的问题", data.today());
            var closed = data.finding(office, visit, a, "已销号的问题", data.today().plusDays(30));
            closed = rectifications.reportClosure(reporterA, closed.id(), closed.version(), "完成", List.of());
            rectifications.verify(office, closed.id(), closed.version(), null);
            data.findings.record(office, visit.id(), new SupervisionFindings.FindingDraft(a.id(), null, "2021-22", null, null, "审批报备问题", "",
                    "科室", "措施", data.today().plusDays(30)), List.of());
            data.finding(office, visit, b, "乙区的问题", data.today().plusDays(30));
            accountabilities.record(office, overdue.id(), new Accountabilities.AccountabilityDraft("某岗位", "依据", "决定", data.today()));
            data.clock.advance(java.time.Duration.ofDays(1));

            var counts = figures.counts(List.of(a.id(), b.id(), none.id()), year);
            assertThat(counts.get(a.id())).isEqualTo(new SupervisionFigures.DistrictCounts(2, 3, 2, 1, 1, 1, 1));
            assertThat(counts.get(b.id())).isEqualTo(new SupervisionFigures.DistrictCounts(1, 1, 1, 0, 0, 0, 0));
            assertThat(counts.get(none.id())).isEqualTo(new SupervisionFigures.DistrictCounts(0, 0, 0, 0, 0, 0, 0));
            assertThat(figures.counts(List.of(a.id()), year - 1).get(a.id()).findings()).isZero();

            var shown = figures.figuresFor(List.of(a.id(), b.id(), none.id()), year);
            assertThat(shown.keySet()).containsExactly(a.id(), b.id(), none.id());
            var ofA = shown.get(a.id());
            assertThat(ofA).extracting(f -> f.requirementCode()).containsExactly("2021-23", "2021-23", "2021-22");
            assertThat(ofA).extracting(f -> f.key()).containsExactly("supervision.findings", "supervision.rectifications", "supervision.findings-22")
                    .noneMatch(k -> k.contains("accountab"));
            var rectification = ofA.get(1);
            assertThat(rectification.arguments()).containsExactly(2L, 1L, 1L);
            assertThat(rectification.alert()).isTrue();
            assertThat(rectification.link()).isEqualTo("/supervision/findings?district=" + a.id() + "&year=" + year + "&overdue=true");
            assertThat(rectification.contradictions()).isNotEmpty();
            assertThat(ofA.get(2).link()).endsWith("&requirement=2021-22");
            assertThat(shown.get(none.id()).get(1).alert()).isFalse();
            assertThat(figures.figuresFor(a.id(), year)).hasSize(3);
        }
        finally {
            data.clock.set(start);
        }
    }

    @Test
    void aDistrictsReportInWordHasItsVisitsFindingsAChartAndTheAccountabilityCountForTheCityOnly() throws Exception {
        var district = data.district();
        var office = data.office();
        var visit = data.visit(office, district);
        var finding = data.finding(office, visit, district, "学校迎检材料过多", data.today().plusDays(30));
        accountabilities.record(office, finding.id(), new Accountabilities.AccountabilityDraft("机密的问责对象", "依据", "机密的问责决定", data.today()));
        var year = data.today().getYear();

        var cityFile = mvc.perform(get("/supervision/districts/" + district.id() + "/report.docx").param("year", "" + year).with(user(office)))
                .andReturn().getResponse();
        assertThat(cityFile.getStatus()).isEqualTo(200);
        assertThat(cityFile.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var cityText = text(cityFile.getContentAsByteArray());
        assertThat(cityText).contains(district.name() + year + "年度教育督导报告").contains("督导测试乙专项督导").contains("学校迎检材料过多")
                .contains("区教委督导科").contains("共发现问题 1 个").contains("三、督导指标").contains("四、问责情况").contains("问责 1 起")
                .doesNotContain("机密的问责对象").doesNotContain("机密的问责决定");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(cityFile.getContentAsByteArray()))) {
            assertThat(doc.getAllPictures()).hasSize(1);
            var chart = ImageIO.read(new ByteArrayInputStream(doc.getAllPictures().get(0).getData()));
            assertThat(chart.getWidth()).isEqualTo(SupervisionReportChart.WIDTH);
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
        }
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var districtText = text(mvc.perform(get("/supervision/districts/" + district.id() + "/report.docx").with(user(reporter))).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(districtText).contains("学校迎检材料过多").doesNotContain("问责");
    }

    @Test
    void theReportListsTheDistrictsIndicatorsAndChartsTheFiveYearsOfThosePastTheirThreshold() throws Exception {
        var district = data.district();
        var office = data.office();
        var year = data.today().getYear();
        // the board's stored values, as its recompute leaves them: past the threshold (0) this year in one indicator, at it in another
        jdbc.sql("insert into supervision_board_year (year, computed_at) values (?, now()) on conflict (year) do nothing").param(year).update();
        var overdue = jdbc.sql("select id from supervision_indicator where code = 'SUP-RECTIFICATIONS-OVERDUE'").query(Long.class).single();
        var refused = jdbc.sql("select id from supervision_indicator where code = 'WL-REFUSED'").query(Long.class).single();
        for (var y = year - 4; y <= year; y++) {
            jdbc.sql("insert into supervision_indicator_value (year, indicator_id, district_id, value, rank, ranked) values (?, ?, ?, ?, 1, 1)")
                    .params(y, overdue, district.id(), y - year + 5).update();
        }
        jdbc.sql("insert into supervision_indicator_value (year, indicator_id, district_id, value, rank, ranked) values (?, ?, ?, 0, 1, 1)")
                .params(year, refused, district.id()).update();

        var file = mvc.perform(get("/supervision/districts/" + district.id() + "/report.docx").param("year", "" + year).with(user(office)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(text(file)).contains("三、督导指标").contains("逾期未完成的整改")
                .contains("图：" + district.name() + "：逾期未完成的整改，近五年（红线为阈值 0）");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            // the rectifications' chart and one indicator's: the other is at its threshold, not past it
            assertThat(doc.getAllPictures()).hasSize(2);
        }
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var own = mvc.perform(get("/supervision/districts/" + district.id() + "/report.docx").param("year", "" + year).with(user(reporter)))
                .andReturn().getResponse();
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(text(own.getContentAsByteArray())).contains("逾期未完成的整改").doesNotContain("问责");
        var older = mvc.perform(get("/supervision/districts/" + district.id() + "/report.docx").param("year", "" + (year - 10)).with(user(office)))
                .andReturn().getResponse();
        assertThat(older.getStatus()).isEqualTo(200);
        assertThat(text(older.getContentAsByteArray())).contains((year - 10) + " 年度的指标尚未计算");
    }

    @Test
    void theCityBoardCountsEachDistrictsAccountabilityDecisionsBesideItsIndicators() throws Exception {
        var district = data.district();
        var office = data.office();
        var visit = data.visit(office, district);
        var finding = data.finding(office, visit, district, "课后服务加重教师负担", data.today().plusDays(30));
        accountabilities.record(office, finding.id(), new Accountabilities.AccountabilityDraft("某校长", "依据", "诫勉谈话", data.today()));
        var year = data.today().getYear();
        jdbc.sql("insert into supervision_board_year (year, computed_at) values (?, now()) on conflict (year) do nothing").param(year).update();
        var first = jdbc.sql("select id from supervision_indicator order by position limit 1").query(Long.class).single();
        // ranked first in the first indicator, so that the board's first page shows the district
        jdbc.sql("update supervision_indicator_value set rank = rank + 1 where year = ? and indicator_id = ? and rank is not null")
                .params(year, first).update();
        jdbc.sql("insert into supervision_indicator_value (year, indicator_id, district_id, value, rank, ranked) values (?, ?, ?, 0, 1, 1)")
                .params(year, first, district.id()).update();

        var board = mvc.perform(get("/supervision").param("year", "" + year).with(user(office))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(board).contains("<th>问责</th>")
                .contains("href=\"/supervision/accountability?district=" + district.id() + "&amp;year=" + year + "\">1</a>");
    }

    @Test
    void theChartDrawsOneBarPerValueToScaleAndTheThresholdLine() throws Exception {
        var chart = SupervisionReportChart.render("各区检查次数", List.of("甲区", "乙区", "丙区"), List.of(10, 5, 0), 8.0);
        var image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertThat(image.getWidth()).isEqualTo(SupervisionReportChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(SupervisionReportChart.HEIGHT);
        // the scale tops at 10: the first bar reaches the top of the plot, the second half-way, the third not at all
        int bottom = SupervisionReportChart.HEIGHT - 90;
        int top = 90;
        double slot = (SupervisionReportChart.WIDTH - 40 - 90) / 3.0;
        int centre0 = (int) (90 + slot / 2);
        int centre1 = (int) (90 + slot * 1.5);
        int centre2 = (int) (90 + slot * 2.5);
        assertThat(new Color(image.getRGB(centre0, top + 5))).isEqualTo(new Color(0x2f6fb0));
        assertThat(new Color(image.getRGB(centre1, (top + bottom) / 2 + 5))).isEqualTo(new Color(0x2f6fb0));
        assertThat(new Color(image.getRGB(centre1, (top + bottom) / 2 - 20))).isNotEqualTo(new Color(0x2f6fb0));
        assertThat(new Color(image.getRGB(centre2, bottom - 5))).isNotEqualTo(new Color(0x2f6fb0));
        // the dashed threshold line at 8 of 10, red, drawn over the bars where a dash falls
        int y = bottom - (int) Math.round((bottom - top) * 0.8);
        var reds = java.util.stream.IntStream.range(90, SupervisionReportChart.WIDTH - 40).filter(x -> isRed(image.getRGB(x, y))).count();
        assertThat(reds).isGreaterThan((SupervisionReportChart.WIDTH - 130) / 2);
        assertThat(SupervisionReportChart.niceMax(37)).isEqualTo(50);
        assertThat(SupervisionReportChart.niceMax(0)).isEqualTo(1);
        // counts get whole steps
        assertThat(SupervisionReportChart.intervals(2, true)).isEqualTo(2);
        assertThat(SupervisionReportChart.intervals(20, true)).isEqualTo(4);
        assertThat(SupervisionReportChart.intervals(50, true)).isEqualTo(5);
        assertThat(SupervisionReportChart.intervals(1, false)).isEqualTo(4);
        // with no threshold, no red line anywhere
        var plain = ImageIO.read(new ByteArrayInputStream(SupervisionReportChart.render("标题", List.of("甲"), List.of(3), null).png()));
        var anyRed = java.util.stream.IntStream.range(0, plain.getHeight()).boxed()
                .flatMap(row -> java.util.stream.IntStream.range(0, plain.getWidth()).filter(x -> isRed(plain.getRGB(x, row))).boxed())
                .collect(Collectors.counting());
        assertThat(anyRed).isZero();
    }

    private static boolean isRed(int rgb) {
        var c = new Color(rgb);
        return c.getRed() > 150 && c.getGreen() < 90 && c.getBlue() < 90;
    }
}
