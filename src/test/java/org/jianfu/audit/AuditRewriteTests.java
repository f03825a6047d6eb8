package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with full database access but without the audit key rewrites the trail with the database's own
 * functions: alters a row and recomputes every later hash and the chain head. Each test puts the rows back.
 */
@JianfuIntegrationTest
class AuditRewriteTests {

    @Autowired AuditTrail trail;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void someRowsExist() {
        for (int i = 0; i < 3; i++) {
            var n = i;
            tx.executeWithoutResult(s -> events.publishEvent(
                    new AuditChainTests.NoteWritten("rewrite-" + n, Map.of("text", "旧"), Map.of("text", "新 " + n))));
        }
    }

    @Test
    void alteringARowAndRecomputingEveryLaterHashWithTheDatabasesFormatTwoFunctionIsDetectedAtThatRow() {
        var seq = newestNoteSeq() - 1;
        var saved = Rewrite.save(jdbc, seq);
        try {
            Rewrite.alterAndRehash(tx, jdbc, seq, "audit_hash_v2", "", 2);
            var result = trail.verify();
            assertThat(result.intact()).as("a rewrite with the database's own function").isFalse();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.FORMAT_DOWNGRADED);
            assertThat(result.firstBrokenSeq()).isEqualTo(seq);
        }
        finally {
            saved.putBack(tx, jdbc);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void alteringARowAndRecomputingEveryLaterHashWithTheKeyedFunctionAndAnotherKeyIsDetectedAtThatRow() {
        var seq = newestNoteSeq() - 1;
        var saved = Rewrite.save(jdbc, seq);
        var guessed = AuditKeyedChainTests.randomKey();
        var pads = ", '\\x" + HexFormat.of().formatHex(guessed.innerPad()) + "'::bytea, '\\x"
                + HexFormat.of().formatHex(guessed.outerPad()) + "'::bytea";
        try {
            Rewrite.alterAndRehash(tx, jdbc, seq, "audit_hash_v3", pads, 3);
            var result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.ROW_ALTERED);
            assertThat(result.firstBrokenSeq()).isEqualTo(seq);
        }
        finally {
            saved.putBack(tx, jdbc);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    private long newestNoteSeq() {
        return jdbc.sql("select max(seq) from audit_event where action = 'test.note-written'").query(Long.class).single();
    }
}
