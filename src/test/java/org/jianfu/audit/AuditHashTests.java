package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows are hashed by the database ({@code audit_hash_v3} with the audit key's pads, called by {@code audit_append};
 * {@code audit_hash} for rows of format 1, written before V31, {@code audit_hash_v2} for format 2, before V33) and
 * verified in Java ({@link AuditChain#hash}, format 3 with {@code javax.crypto.Mac}). Both must produce the same
 * hash for every row in every format, including the awkward ones: characters outside the
 * Basic Multilingual Plane (Java counts them as two, UTF-8 as four bytes), nulls against empty strings,
 * times with no, three or six fractional digits, and times before 1970.
 */
@JianfuIntegrationTest
class AuditHashTests {

    @Autowired JdbcClient jdbc;
    @Autowired AuditRepository repository;
    @Autowired AuditKey key;
    @Autowired AuditTrail trail;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired MutableClock clock;

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = { 1, 2, 3 })
    void theDatabaseHashesAwkwardRowsExactlyAsJavaDoes(int format) {
        var longText = "减负".repeat(1499) + "😀";
        var rows = List.of(
                row(1, "2026-03-02T01:00:00Z", 7L, "haidian.reporter", 3L, "海淀区教育委员会", "ledger.entry-saved",
                        "ledger-entry", "42", "{\"text\":\"减负😀\"}", "{\"text\":\"𠮷野家 👨‍👩‍👧\"}"),
                row(2, "2026-03-02T01:00:00.120Z", null, null, null, null, "login.failed", null, null, null, null),
                row(20, "2026-03-02T01:00:00Z", 9L, "city.admin", 1L, "市教委", "ledger.round-opened", "ledger-round",
                        "5", null, "{\"title\":\"减负台账\"}"),
                row(3, "2026-03-02T01:00:00.123456Z", 1L, "", 1L, "", "x", "", "", "{}", "{\"a\":\"1:2:3\"}"),
                row(40, "2026-03-02T01:00:00.000001Z", 12L, "𝒜dmin", null, "单位\n第二行", "test.saved", "note",
                        "7:7", "{\"q\":\"\\\"引号\\\" \\\\ 反斜杠\"}", null),
                row(1_000_000, "1999-12-31T23:59:59.999Z", null, "system", null, null, "test.saved", "note", "1",
                        null, "{\"text\":\"" + longText + "\"}"),
                row(41, "1969-12-31T23:59:59.500001Z", null, "system", null, null, "test.saved", "note", "1", null, null));
        var hashes = new java.util.HashSet<String>();
        for (var r : rows) {
            var inFormat = withFormat(r, format);
            assertThat(databaseHash(inFormat)).as("row %d", r.seq()).isEqualTo(AuditChain.hash(inFormat, key));
            hashes.add(AuditChain.hash(inFormat, key));
        }
        assertThat(hashes).as("different rows, different hashes").hasSize(rows.size());
        assertThat(List.of(1, 2, 3).stream().map(f -> AuditChain.hash(withFormat(rows.get(0), f), key)).distinct())
                .as("the formats differ").hasSize(3);
        assertThat("😀".length()).as("Java counts a character beyond the BMP as two").isEqualTo(2);
    }

    @Test
    void rowsAppendedByTheDatabaseWithAwkwardContentVerifyInJava() {
        var previous = clock.instant();
        try {
            for (var at : List.of("2026-03-02T01:00:00Z", "2026-03-02T01:00:00.500Z", "2026-03-02T01:00:00.123457Z")) {
                clock.set(Instant.parse(at));
                tx.executeWithoutResult(s -> events.publishEvent(
                        new AuditChainTests.NoteWritten("emoji-" + at, Map.of("text", "旧😀"), Map.of("text", "新 𠮷 " + at))));
            }
        }
        finally {
            clock.set(previous);
        }
        var newest = jdbc.sql("""
                select seq from (select seq from audit_event where object_id like 'emoji-%' order by seq desc limit 3) s
                order by seq""").query(Long.class).list().stream().map(seq -> repository.pageAfter(seq - 1, 1).get(0)).toList();
        assertThat(newest).extracting(AuditRecord::occurredAt).extracting(Instant::toString)
                .containsExactly("2026-03-02T01:00:00Z", "2026-03-02T01:00:00.500Z", "2026-03-02T01:00:00.123457Z");
        for (var r : newest) {
            assertThat(r.hashFormat()).isEqualTo(3);
            assertThat(r.hash()).isEqualTo(AuditChain.hash(r, key));
        }
        var result = trail.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
    }

    private static AuditRecord withFormat(AuditRecord r, int format) {
        return new AuditRecord(r.seq(), r.occurredAt(), r.actorAccountId(), r.actorUsername(), r.actorUnitId(), r.actorUnitName(),
                r.action(), r.objectType(), r.objectId(), r.before(), r.after(), r.prevHash(), null, format);
    }

    private String databaseHash(AuditRecord r) {
        return jdbc.sql("select " + (r.hashFormat() == 1 ? "audit_hash" : "audit_hash_v" + r.hashFormat()) + """
                (:seq, :at, :accountId, :username, :unitId, :unitName, :action, :objectType,
                    :objectId, :before, :after, :prevHash""" + (r.hashFormat() == 3 ? ", :innerPad, :outerPad)" : ")"))
                .param("seq", r.seq())
                .param("at", OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC))
                .param("accountId", r.actorAccountId())
                .param("username", r.actorUsername())
                .param("unitId", r.actorUnitId())
                .param("unitName", r.actorUnitName())
                .param("action", r.action())
                .param("objectType", r.objectType())
                .param("objectId", r.objectId())
                .param("before", r.before())
                .param("after", r.after())
                .param("prevHash", r.prevHash())
                .param("innerPad", key.innerPad())
                .param("outerPad", key.outerPad())
                .query(String.class)
                .single();
    }

    private static AuditRecord row(long seq, String at, Long accountId, String username, Long unitId, String unitName,
            String action, String objectType, String objectId, String before, String after) {
        return new AuditRecord(seq, Instant.parse(at), accountId, username, unitId, unitName, action, objectType,
                objectId, before, after, "ab".repeat(32), null, 2);
    }
}
