package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code audit_append_all} (V61): many rows of one action in one call, for statements that change many objects at once.
 * The rows are chained exactly as one-by-one appends, so the trail verifies with the key; rolled back after each test.
 */
@JianfuIntegrationTest
@Transactional
class AuditAppendAllTests {

    @Autowired AuditTrail trail;
    @Autowired AuditKey key;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;

    private Long appendAll(List<String> ids, String befores, String afters) {
        return jdbc.sql("""
                select audit_append_all(?, null, 'bulk.tester', null, null, 'test.bulk-written', 'note', ?::text[], ?::json[], ?::json[],
                    ?, ?)""")
                .params(Timestamp.from(Instant.parse("2026-12-02T07:00:00.123456Z")), ids.toArray(String[]::new), befores, afters,
                        key.innerPad(), key.outerPad())
                .query(Long.class).optional().orElse(null);
    }

    @Test
    void rowsAppendedInOneCallAreChainedInOrderAndTheTrailStillVerifiesWithASingleAppendAfterThem() {
        var head = trail.lastSeq();
        var last = appendAll(List.of("a", "b", "c"), "{NULL,\"{\\\"text\\\": \\\"旧\\\"}\",NULL}",
                "{\"{\\\"n\\\": 1}\",\"{\\\"text\\\": \\\"新\\\"}\",\"{\\\"n\\\": 3}\"}");
        events.publishEvent(new AuditChainTests.NoteWritten("after-bulk", Map.of("text", "旧"), Map.of("text", "新")));

        assertThat(last).isEqualTo(head + 3);
        var rows = jdbc.sql("select seq, object_id, before::text, after::text, prev_hash, hash from audit_event where seq > ? order by seq")
                .param(head).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list();
        assertThat(rows).extracting(r -> r.get(1)).containsExactly("a", "b", "c", "after-bulk");
        assertThat(rows.get(1).get(2)).isEqualTo("{\"text\": \"旧\"}");
        assertThat(rows.get(0).get(2)).isEqualTo("null");
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get(4)).as("prev_hash of row %d", i).isEqualTo(rows.get(i - 1).get(5));
        }
        var verification = trail.verify();
        assertThat(verification.intact()).as(verification.describe()).isTrue();
    }

    @Test
    void aCallWithNoRowsAppendsNothingAndLeavesTheHeadWhereItWas() {
        var head = trail.lastSeq();

        assertThat(appendAll(List.of(), "{}", "{}")).isNull();
        assertThat(trail.lastSeq()).isEqualTo(head);
    }
}
