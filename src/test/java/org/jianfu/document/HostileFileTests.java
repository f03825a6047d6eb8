package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.stream.Stream;

import org.jianfu.ledger.Ledgers;
import org.jianfu.test.Fixtures;
import org.jianfu.test.HostileUploads;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every kind of bad file, made by the test, uploaded through the import page: each gets its own clear
 * message in Chinese, and nothing changes (no entry, no header, no audit row, no preview waiting).
 */
@JianfuIntegrationTest
class HostileFileTests {

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    static Stream<Arguments> badFiles() throws IOException {
        var secret = Files.createTempFile("jianfu-secret", ".txt");
        Files.writeString(secret, "TOP-SECRET-42");
        secret.toFile().deleteOnExit();
        return Stream.of(
                Arguments.of("a PNG image named .docx", "台账.docx", HostileFiles.png(), "upload.type.ledger-import"),
                Arguments.of("a PDF renamed to .docx", "台账.docx", HostileFiles.pdf(), "upload.type.ledger-import"),
                Arguments.of("a text file renamed to .xlsx", "台账.xlsx", HostileFiles.plainText(), "upload.type.ledger-import"),
                Arguments.of("a zip that is no Office file", "台账.docx", HostileFiles.zipWithoutOfficeParts(), "upload.type.ledger-import"),
                Arguments.of("a truncated archive", "台账.docx", HostileUploads.truncatedZip(), "upload.error.corrupt"),
                Arguments.of("a zip bomb", "台账.docx", HostileUploads.zipBomb(), "upload.error.bomb"),
                Arguments.of("a zip with too many entries", "台账.docx", HostileUploads.tooManyEntries(), "upload.error.bomb"),
                Arguments.of("an external XML entity", "台账.docx", HostileFiles.externalEntity(secret), "upload.error.doctype"),
                Arguments.of("an external entity in UTF-16", "台账.docx", HostileFiles.externalEntityUtf16(secret),
                        "upload.error.doctype"),
                Arguments.of("a password-protected document", "台账.docx", HostileUploads.encryptedDocx(), "upload.error.encrypted"),
                Arguments.of("an old .doc file", "台账.doc", HostileUploads.legacyDoc(), "upload.error.legacy"),
                Arguments.of("a file over the size limit", "台账.docx", HostileUploads.zipOfSize(10 * 1024 * 1024 + 1), "upload.too-large.ledger-import"),
                Arguments.of("an empty file", "台账.docx", new byte[0], "upload.error.empty"),
                Arguments.of("a Word file with an unrelated table", "检查表.docx", HostileFiles.unrelatedTable(),
                        "document.import.error.no-table"),
                Arguments.of("a ledger table from another template", "2019台账.docx", HostileFiles.otherTemplate(),
                        "document.import.error.other-template"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithItsOwnMessageInChineseAndChangesNothing(String what, String name, byte[] content, String key)
            throws Exception {
        var round = new OpenRound(ledgers, users, jdbc, fixtures.haidian().id(), fixtures.chaoyang().id());
        var id = round.haidianLedger;
        var entries = round.entries(id);
        var version = round.version(id);
        var reporter = Logins.session(mvc, "haidian.reporter", Fixtures.DEMO_PASSWORD);
        var audit = round.auditRows(); // after the login, which is audited too

        mvc.perform(multipart("/ledgers/{id}/import", id).file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .with(reporter).with(csrf()))
                .andExpect(redirectedUrl("/ledgers/" + id + "/import"))
                .andExpect(flash().attribute("failure", key));

        var message = messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(message).as(what).matches(".*\\p{IsHan}{4,}.*").doesNotContain("document.").doesNotContain("upload.");
        var page = mvc.perform(get("/ledgers/{id}/import/preview", id).with(reporter)).andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).as("no preview waits").isEqualTo("/ledgers/" + id + "/import");
        assertThat(round.entries(id)).isEqualTo(entries);
        assertThat(round.version(id)).isEqualTo(version);
        assertThat(round.auditRows()).isEqualTo(audit);
    }
}
