package org.jianfu.ledger;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the acknowledgements of contradictions and the contradictions kept at sign-off. */
@Repository
class ContradictionRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContradictionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The id of the ledger's latest SUBMIT step: the submission its acknowledgements belong to. */
    Optional<Long> currentSubmission(long ledgerId) {
        return jdbc.sql("select max(id) from ledger_transition where ledger_id = ? and action = 'SUBMIT'").param(ledgerId)
                .query(Long.class).optional();
    }

    /** The acknowledgements made for one submission, by fingerprint. */
    Map<String, LedgerContradictions.Acknowledgement> acknowledgements(long ledgerId, long submissionId) {
        var acknowledgements = new HashMap<String, LedgerContradictions.Acknowledgement>();
        jdbc.sql("""
                select fingerprint, note, acknowledged_by_name, acknowledged_at from ledger_contradiction_acknowledgement
                where ledger_id = ? and submission_id = ?""")
                .params(ledgerId, submissionId)
                .query(rs -> {
                    acknowledgements.put(rs.getString("fingerprint"), new LedgerContradictions.Acknowledgement(rs.getString("note"),
                            rs.getString("acknowledged_by_name"), instant(rs, "acknowledged_at")));
                });
        return acknowledgements;
    }

    /** Records an acknowledgement, replacing the note of an earlier one of the same contradiction and submission. */
    void acknowledge(long ledgerId, long submissionId, String fingerprint, String note, String by, String byName, Instant now) {
        jdbc.sql("""
                insert into ledger_contradiction_acknowledgement
                    (ledger_id, submission_id, fingerprint, note, acknowledged_by, acknowledged_by_name, acknowledged_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (ledger_id, submission_id, fingerprint) do update set note = excluded.note,
                    acknowledged_by = excluded.acknowledged_by, acknowledged_by_name = excluded.acknowledged_by_name,
                    acknowledged_at = excluded.acknowledged_at""")
                .params(ledgerId, submissionId, fingerprint, note, by, byName, utc(now)).update();
    }

    /** Keeps the contradictions of a sign-off, replacing those of an earlier one. */
    void replaceSigned(long ledgerId, List<LedgerContradictions.Shown> contradictions) {
        jdbc.sql("delete from ledger_signed_contradiction where ledger_id = ?").param(ledgerId).update();
        int position = 0;
        for (var c : contradictions) {
            jdbc.sql("""
                    insert into ledger_signed_contradiction (ledger_id, requirement_id, fingerprint, figure_key, figure_message_key,
                        figure_arguments, kind, answer_words, answer_status, reason_key, note, acknowledged_by_name, acknowledged_at, position)
                    values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ledgerId, c.requirementId(), c.fingerprint(), c.figureKey(), c.figureMessageKey(),
                            json.writeValueAsString(c.figureArguments()), c.kind(), c.answerWords(),
                            c.answerStatus() == null ? null : c.answerStatus().name(), c.reasonKey(), c.acknowledgement().note(),
                            c.acknowledgement().byName(), utc(c.acknowledgement().at()), position++)
                    .update();
        }
    }

    /** Keeps how many contradictions the ledger's answers make as it is submitted or signed off; null clears it. */
    void keepCount(long ledgerId, Integer count) {
        jdbc.sql("update ledger set contradiction_count = ? where id = ?").params(count, ledgerId).update();
    }

    /** The contradiction counts kept for the round's ledgers, by ledger id; ledgers without one are left out. */
    Map<Long, Integer> counts(long roundId) {
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("select id, contradiction_count from ledger where round_id = ? and contradiction_count is not null")
                .param(roundId)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** The contradictions kept at the last sign-off of each ledger, by ledger id, in their order. */
    Map<Long, List<LedgerContradictions.Shown>> signed(List<Long> ledgerIds) {
        var signed = new HashMap<Long, List<LedgerContradictions.Shown>>();
        if (ledgerIds.isEmpty()) {
            return signed;
        }
        jdbc.sql("select * from ledger_signed_contradiction where ledger_id = any(?) order by ledger_id, position")
                .param(ledgerIds.toArray(Long[]::new))
                .query(rs -> {
                    signed.computeIfAbsent(rs.getLong("ledger_id"), k -> new ArrayList<>()).add(new LedgerContradictions.Shown(
                            rs.getLong("requirement_id"), rs.getString("fingerprint"), rs.getString("figure_key"),
                            rs.getString("figure_message_key"), json.readValue(rs.getString("figure_arguments"), Object[].class), rs.getString("kind"),
                            rs.getString("answer_words"), rs.getString("answer_status") == null ? null : EntryStatus.valueOf(rs.getString("answer_status")),
                            rs.getString("reason_key"), new LedgerContradictions.Acknowledgement(rs.getString("note"),
                                    rs.getString("acknowledged_by_name"), instant(rs, "acknowledged_at"))));
                });
        return signed;
    }
}
