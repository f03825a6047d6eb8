package org.jianfu.document;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kept summary workbooks (V53), one row per round and scope unit: the last prepared file and the preparation under
 * way. A preparation is an attempt number: the request that starts one claims the row, and only that attempt may store
 * its file or record its failure, each in one statement, so a file is stored whole or not at all.
 */
@Repository
class SummaryWorkbookRepository {

    private final JdbcClient jdbc;

    SummaryWorkbookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last prepared file, without its bytes, with each ledger's change stamp as the file shows it. */
    record Kept(Instant preparedAt, String preparedByName, int ledgers, int sizeBytes, Map<Long, Long> stamps) {
    }

    /** The row as a page shows it: a preparation under way (since when, started by whom), the last failure, the kept file. */
    record State(Instant preparingSince, String preparingByName, Instant failedAt, Kept kept) {
    }

    /**
     * Claims the preparation of this round and scope: the new attempt's number, or empty while another runs (a claim
     * made before {@code lostBefore} is taken to be lost with the instance that made it, and is claimed again).
     */
    OptionalInt claim(long roundId, long scopeUnitId, String byName, Instant now, Instant lostBefore) {
        var attempt = jdbc.sql("""
                insert into summary_workbook (round_id, scope_unit_id, attempt, preparing_since, preparing_by_name)
                values (?, ?, 1, ?, ?)
                on conflict (round_id, scope_unit_id) do update
                    set attempt = summary_workbook.attempt + 1, preparing_since = excluded.preparing_since,
                        preparing_by_name = excluded.preparing_by_name
                    where summary_workbook.preparing_since is null or summary_workbook.preparing_since < ?
                returning attempt""")
                .params(roundId, scopeUnitId, utc(now), byName, utc(lostBefore)).query(Integer.class).optional();
        return attempt.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** Gives a claim up without a file or a failure (the preparation never started). */
    void release(long roundId, long scopeUnitId, int attempt) {
        jdbc.sql("""
                update summary_workbook set preparing_since = null, preparing_by_name = null
                where round_id = ? and scope_unit_id = ? and attempt = ?""")
                .params(roundId, scopeUnitId, attempt).update();
    }

    /** Replaces the kept file with this attempt's and ends the claim; false when the claim was lost meanwhile. */
    boolean store(long roundId, long scopeUnitId, int attempt, Instant preparedAt, String by, String byName,
            Documents.PreparedSummary summary) {
        var ids = summary.stamps().keySet().stream().sorted().toArray(Long[]::new);
        var stamps = java.util.Arrays.stream(ids).map(summary.stamps()::get).toArray(Long[]::new);
        var file = summary.file();
        return jdbc.sql("""
                update summary_workbook set preparing_since = null, preparing_by_name = null, failed_at = null,
                    prepared_at = ?, prepared_by = ?, prepared_by_name = ?, ledger_count = ?, ledger_ids = ?, ledger_stamps = ?,
                    file_name = ?, size_bytes = ?, content = ?
                where round_id = ? and scope_unit_id = ? and attempt = ? and preparing_since is not null""")
                .params(utc(preparedAt), by, byName, ids.length, ids, stamps, file.fileName(), file.content().length, file.content(),
                        roundId, scopeUnitId, attempt)
                .update() == 1;
    }

    /** Records this attempt's failure and ends the claim, the kept file unchanged; false when the claim was lost meanwhile. */
    boolean fail(long roundId, long scopeUnitId, int attempt, Instant at) {
        return jdbc.sql("""
                update summary_workbook set preparing_since = null, preparing_by_name = null, failed_at = ?
                where round_id = ? and scope_unit_id = ? and attempt = ? and preparing_since is not null""")
                .params(utc(at), roundId, scopeUnitId, attempt).update() == 1;
    }

    /** The row of this round and scope, without the file's bytes. */
    Optional<State> state(long roundId, long scopeUnitId) {
        return jdbc.sql("""
                select preparing_since, preparing_by_name, failed_at, prepared_at, prepared_by_name, ledger_count, size_bytes,
                    ledger_ids, ledger_stamps
                from summary_workbook where round_id = ? and scope_unit_id = ?""")
                .params(roundId, scopeUnitId).query(SummaryWorkbookRepository::state).optional();
    }

    /** The kept file of this round and scope. */
    Optional<Documents.Download> file(long roundId, long scopeUnitId) {
        return jdbc.sql("select file_name, content from summary_workbook where round_id = ? and scope_unit_id = ? and content is not null")
                .params(roundId, scopeUnitId)
                .query((rs, n) -> new Documents.Download(rs.getString("file_name"), Documents.XLSX, rs.getBytes("content")))
                .optional();
    }

    private static State state(ResultSet rs, int n) throws SQLException {
        Kept kept = null;
        var preparedAt = instant(rs, "prepared_at");
        if (preparedAt != null) {
            var ids = (Long[]) rs.getArray("ledger_ids").getArray();
            var values = (Long[]) rs.getArray("ledger_stamps").getArray();
            var stamps = new HashMap<Long, Long>();
            for (int i = 0; i < ids.length; i++) {
                stamps.put(ids[i], values[i]);
            }
            kept = new Kept(preparedAt, rs.getString("prepared_by_name"), rs.getInt("ledger_count"), rs.getInt("size_bytes"), stamps);
        }
        return new State(instant(rs, "preparing_since"), rs.getString("preparing_by_name"), instant(rs, "failed_at"), kept);
    }
}
