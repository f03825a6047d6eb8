package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.Fixtures;
import org.jianfu.test.HostileUploads;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every hostile file, uploaded to every upload endpoint by the role that may use it: each is refused
 * with a message in Chinese (never a 500), nothing is stored and nothing audited, and the server still
 * answers. A good file goes through each endpoint too, so a refusal is never the setup's fault.
 */
@JianfuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUploadTests {

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    /** At least four Chinese characters: a sentence, not a key or an English page. */
    static final String CHINESE = "(?s)(?:[^\\p{IsHan}]*\\p{IsHan}){4}.*";

    long ledgerId;
    long requirementId;
    long district;
    RequestPostProcessor ledgerReporter;
    AccountPrincipal baselineReporter;

    enum Endpoint { LEDGER_IMPORT, BASELINE_IMPORT, SEAL, EVIDENCE }

    @BeforeAll
    void aLedgerAndADistrictToUploadTo() throws Exception {
        var template = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        var round = ledgers.openRound(as("city.admin"), template, 2026, "上传测试 " + System.nanoTime(), LocalDate.of(2026, 6, 30),
                List.of(fixtures.haidian().id()));
        ledgerId = ledgers.ledgerOf(round.id(), fixtures.haidian().id());
        requirementId = jdbc.sql("select id from template_requirement where template_id = ? and number = 4").param(template)
                .query(Long.class).single();
        // The import preview lives in the session, so the ledger import goes through a real login.
        ledgerReporter = Logins.session(mvc, "haidian.reporter", Fixtures.DEMO_PASSWORD);
        var huairou = units.findByCode("110116").orElseThrow(); // 怀柔区: no other test touches its baseline
        district = huairou.id();
        baselineReporter = as(fixtures.account(Role.DISTRICT_REPORTER, huairou));
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    static Stream<Arguments> hostileFiles() {
        Stream<Arguments> files = Stream.of(
                file("a zip bomb", HostileUploads::zipBomb),
                file("a zip with too many entries", HostileUploads::tooManyEntries),
                file("billion laughs in a Word file", HostileUploads::billionLaughsDocx),
                file("billion laughs in an Excel file", HostileUploads::billionLaughsXlsx),
                file("a password-protected Word file", HostileUploads::encryptedDocx),
                file("an old .doc file", HostileUploads::legacyDoc),
                file("an old .xls file", HostileUploads::legacyXls),
                file("a truncated zip", HostileUploads::truncatedZip),
                file("a zip whose central directory disagrees", HostileUploads::wrongCentralDirectory),
                file("a zip-slip entry name", HostileUploads::zipSlip),
                file("a zip without entries", HostileUploads::emptyZip),
                file("a PNG header followed by HTML", HostileUploads::pngHeaderThenHtml),
                file("a PNG of 60000 × 60000 pixels", HostileUploads::hugePng),
                file("a PNG with a Word file appended", HostileUploads::polyglot),
                file("an empty file", () -> new byte[0]),
                file("a file over every endpoint's limit", () -> HostileUploads.zipOfSize(20 * 1024 * 1024 + 1)),
                file("a 17 MB workbook", HostileUploads::seventeenMegabyteWorkbook));
        return files.flatMap(f -> Stream.of(Endpoint.values()).map(e -> Arguments.of(f.get()[0], e, f.get()[1])));
    }

    private static Arguments file(String what, Supplier<byte[]> content) {
        return Arguments.of(what, content);
    }

    @ParameterizedTest(name = "{0} to the {1}")
    @MethodSource("hostileFiles")
    void aHostileFileIsRefusedInChineseStoresNothingAndTheServerStillAnswers(String what, Endpoint endpoint,
            Supplier<byte[]> content) throws Exception {
        var stored = stored(endpoint);
        var audited = audited();

        var result = upload(endpoint, content.get());

        assertThat(result.getResponse().getStatus()).as(what).isBetween(300, 399);
        var message = message(result);
        assertThat(message).as(what + ": a message in Chinese").isNotNull().matches(CHINESE);
        assertThat(result.getFlashMap().get("success")).as(what).isNull();
        assertThat(stored(endpoint)).as(what + ": nothing stored").isEqualTo(stored);
        assertThat(audited()).as(what + ": nothing audited").isEqualTo(audited);
        if (endpoint == Endpoint.LEDGER_IMPORT) {
            var preview = mvc.perform(get("/ledgers/{id}/import/preview", ledgerId).with(ledgerReporter)).andReturn();
            assertThat(preview.getResponse().getRedirectedUrl()).as(what + ": no preview waits").isEqualTo("/ledgers/" + ledgerId + "/import");
        }
        var health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getContentAsString()).contains("UP");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aGoodFileGoesThroughTheSameEndpoint(Endpoint endpoint) throws Exception {
        var content = switch (endpoint) {
            case LEDGER_IMPORT -> org.jianfu.document.SampleLedgers.handFilledWord();
            case BASELINE_IMPORT -> HostileUploads.xlsx();
            case SEAL, EVIDENCE -> HostileUploads.png(300, 300);
        };
        var result = upload(endpoint, content);
        assertThat(message(result)).isNull();
        if (endpoint == Endpoint.LEDGER_IMPORT) {
            assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/ledgers/" + ledgerId + "/import/preview");
            mvc.perform(multipart("/ledgers/{id}/import/discard", ledgerId).with(ledgerReporter).with(csrf()));
        }
        else {
            assertThat(result.getFlashMap().get("success")).isNotNull();
        }
    }

    private MvcResult upload(Endpoint endpoint, byte[] content) throws Exception {
        var request = switch (endpoint) {
            case LEDGER_IMPORT -> multipart("/ledgers/{id}/import", ledgerId).file(file("file", content)).with(ledgerReporter);
            case BASELINE_IMPORT -> multipart("/inspection/cleanups/{d}/2026/import", district).file(file("file", content))
                    .with(user(baselineReporter));
            case SEAL -> multipart("/units/{id}/seal", fixtures.chaoyang().id()).file(file("seal", content))
                    .with(user(as("chaoyang.approver")));
            case EVIDENCE -> multipart("/ledgers/{id}/entries/{r}/evidence", ledgerId, requirementId).file(file("file", content))
                    .with(user(as("haidian.reporter")));
        };
        return mvc.perform(request.with(csrf())).andReturn();
    }

    private static MockMultipartFile file(String field, byte[] content) {
        return new MockMultipartFile(field, "上传.docx", "application/octet-stream", content);
    }

    /** The refusal as the person reads it: a message key resolved in Chinese, or a text already resolved. */
    private String message(MvcResult result) {
        if (result.getFlashMap().get("failure") instanceof String key) {
            return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
        }
        return result.getFlashMap().get("problem") instanceof String text ? text : null;
    }

    private long stored(Endpoint endpoint) {
        var sql = switch (endpoint) {
            case LEDGER_IMPORT -> "select coalesce(sum(version), 0) from ledger_entry where ledger_id = " + ledgerId;
            case BASELINE_IMPORT -> "select count(*) from inspection_baseline_item where district_id = " + district;
            case SEAL -> "select count(*) from unit_seal where unit_id = " + fixtures.chaoyang().id();
            case EVIDENCE -> "select count(*) from ledger_evidence v join ledger_entry e on e.id = v.entry_id where e.ledger_id = " + ledgerId;
        };
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long audited() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
