package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.Fixtures;
import org.jianfu.test.HostileUploads;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Evidence files: type from content, at most 20 MB, stored in PostgreSQL; refused files store nothing. */
@JianfuIntegrationTest
class EvidenceTests {

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    long ledgerId;
    long requirementId;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    @BeforeEach
    void aHaidianLedgerExists() {
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var round = ledgers.openRound(as("city.admin"), template, 2026, "佐证测试 " + System.nanoTime(),
                LocalDate.of(2026, 6, 30), List.of(fixtures.haidian().id(), fixtures.chaoyang().id()));
        ledgerId = jdbc.sql("select id from ledger where round_id = ? and unit_id = ?").params(round.id(), fixtures.haidian().id())
                .query(Long.class).single();
        requirementId = jdbc.sql("select id from template_requirement where template_id = ? and number = 4").param(template)
                .query(Long.class).single();
    }

    private long stored() {
        return jdbc.sql("select count(*) from ledger_evidence v join ledger_entry e on e.id = v.entry_id where e.ledger_id = ?")
                .param(ledgerId).query(Long.class).single();
    }

    private org.springframework.test.web.servlet.ResultActions upload(String user, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/ledgers/{id}/entries/{r}/evidence", ledgerId, requirementId)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(user(as(user))).with(csrf()));
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();
    }

    static byte[] officeZip(String mainPart) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<document/>".getBytes());
        }
        return bytes.toByteArray();
    }

    @Test
    void aPdfIsStoredAndTheCityCanDownloadIt() throws Exception {
        upload("haidian.reporter", "清理清单.pdf", pdf()).andExpect(flash().attribute("success", "ledger.evidence.added"));
        assertThat(stored()).isEqualTo(1);
        var id = jdbc.sql("select v.id from ledger_evidence v join ledger_entry e on e.id = v.entry_id where e.ledger_id = ?")
                .param(ledgerId).query(Long.class).single();
        mvc.perform(get("/ledgers/{l}/entries/{r}/evidence/{e}", ledgerId, requirementId, id).with(user(as("city.admin"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("UTF-8''")));
        mvc.perform(get("/ledgers/{l}/entries/{r}/evidence/{e}", ledgerId, requirementId, id).with(user(as("chaoyang.reporter"))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ledger.evidence-added' and after->>'fileName' = '清理清单.pdf'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wordExcelJpegAndPngAreRecognisedFromTheirContentAndGetTheRightExtension() throws Exception {
        upload("haidian.reporter", "台账.xlsx.exe", officeZip("xl/workbook.xml")).andExpect(flash().attribute("success", "ledger.evidence.added"));
        upload("haidian.reporter", "说明", officeZip("word/document.xml")).andExpect(flash().attribute("success", "ledger.evidence.added"));
        upload("haidian.reporter", "照片.png", jpeg()).andExpect(flash().attribute("success", "ledger.evidence.added"));
        upload("haidian.reporter", "截图", HostileUploads.png(40, 30)).andExpect(flash().attribute("success", "ledger.evidence.added"));
        assertThat(jdbc.sql("""
                select file_name || ' ' || content_type from ledger_evidence v join ledger_entry e on e.id = v.entry_id
                where e.ledger_id = ? order by v.id""").param(ledgerId).query(String.class).list())
                .containsExactly("台账.xlsx.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "说明.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "照片.jpg image/jpeg", "截图.png image/png");
    }

    @Test
    void aPictureIsStoredAsReEncodedNeverAsSent() throws Exception {
        var sent = HostileUploads.png(40, 30);
        var withTrailer = java.util.Arrays.copyOf(sent, sent.length + 7);
        upload("haidian.reporter", "照片.jpg", jpeg()).andExpect(flash().attribute("success", "ledger.evidence.added"));
        var stored = jdbc.sql("select content from ledger_evidence v join ledger_entry e on e.id = v.entry_id where e.ledger_id = ?")
                .param(ledgerId).query(byte[].class).single();
        assertThat(stored).isNotEqualTo(jpeg());
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        upload("haidian.reporter", "照片.png", withTrailer).andExpect(flash().attribute("failure", "upload.error.image"));
    }

    /** A 64 × 48 photograph as a camera would save it. */
    static byte[] jpeg() throws IOException {
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillOval(8, 8, 40, 30);
        g.dispose();
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void aRenamedTextFileAZipThatIsNoOfficeFileAndAnEmptyFileAreRefusedAndNothingIsStored() throws Exception {
        upload("haidian.reporter", "伪装.pdf", "这不是PDF".getBytes()).andExpect(flash().attribute("failure", "upload.type.evidence"));
        upload("haidian.reporter", "压缩包.docx", officeZip("readme.txt")).andExpect(flash().attribute("failure", "upload.type.evidence"));
        upload("haidian.reporter", "空.pdf", new byte[0]).andExpect(flash().attribute("failure", "upload.error.empty"));
        upload("haidian.reporter", "坏.docx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }).andExpect(flash().attribute("failure", "upload.error.corrupt"));
        assertThat(stored()).isZero();
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedAndNothingIsStored() throws Exception {
        var big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        upload("haidian.reporter", "大文件.pdf", big).andExpect(flash().attribute("failure", "upload.too-large.evidence"));
        assertThat(stored()).isZero();
        var exactly = new byte[20 * 1024 * 1024];
        System.arraycopy(pdf(), 0, exactly, 0, pdf().length);
        upload("haidian.reporter", "正好20MB.pdf", exactly).andExpect(flash().attribute("success", "ledger.evidence.added"));
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void onlyTheLedgersOwnReporterMayAddEvidence() throws Exception {
        upload("chaoyang.reporter", "越权.pdf", pdf()).andExpect(status().isNotFound());
        upload("city.admin", "市级.pdf", pdf()).andExpect(status().isForbidden());
        assertThat(stored()).isZero();
    }
}
