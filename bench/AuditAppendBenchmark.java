import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * Issue 12, point 8: what keying the audit chain costs. Appends audit rows with hash format 2 (V31's
 * audit_append, recreated here under another name) and format 3 (V33's, HMAC with the key's pads passed per
 * call), alternating blocks of 500, 20,000 of each, on an embedded PostgreSQL with the application's durable
 * settings (fsync, synchronous_commit, full_page_writes on). Three ways:
 *  - append: one row per transaction (each commit waits for the disk), as the audit trail appends;
 *  - append, 1,000 per transaction: the function's own cost, the disk left out;
 *  - save-shaped: one statement that updates a 1.5 kB text and appends its audit row with the row before and
 *    after as JSON, one per transaction: the shape of the ledger's entry save (not the application's save).
 * Run with bench/audit-append.sh. Prints a Markdown table.
 */
public class AuditAppendBenchmark {

    static final int PER_FORMAT = Integer.getInteger("rows", 20_000);
    static final int BLOCK = 500;

    public static void main(String[] args) throws Exception {
        var dir = Files.createTempDirectory("jianfu-audit-bench");
        try (var postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("timezone", "UTC").start()) {
            var db = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(db).locations("filesystem:src/main/resources/db/migration").load().migrate();
            try (var c = db.getConnection()) {
                var v31 = Files.readString(java.nio.file.Path.of("src/main/resources/db/migration/V31__hash_audit_rows_by_bytes.sql"));
                var body = v31.substring(v31.indexOf("create or replace function audit_append"))
                        .replace("create or replace function audit_append", "create function bench_audit_append_v2");
                c.createStatement().execute(body);
                c.createStatement().execute("create table bench_entry (id bigint primary key, text text, version int not null)");
                c.createStatement().execute("insert into bench_entry select g, repeat('减负台账', 120), 1 from generate_series(1, 100) g");
                var key = new byte[32];
                new SecureRandom().nextBytes(key);
                var pads = pads(key);
                System.out.println("| what | format 2, median | p95 | format 3, median | p95 | difference of medians |");
                System.out.println("|---|---:|---:|---:|---:|---:|");
                for (var mode : new String[] { "append", "append, 1,000 per transaction", "save-shaped" }) {
                    var result = run(c, mode, pads);
                    System.out.printf("| %s | %s | %s | %s | %s | %+.1f µs (%+.0f %%) |%n", mode, us(result[0], 50), us(result[0], 95),
                            us(result[1], 50), us(result[1], 95), (pct(result[1], 50) - pct(result[0], 50)) / 1000.0,
                            100.0 * (pct(result[1], 50) - pct(result[0], 50)) / pct(result[0], 50));
                }
                System.out.println("\nfsync=" + show(c, "fsync") + ", synchronous_commit=" + show(c, "synchronous_commit")
                        + ", server " + show(c, "server_version") + ", " + PER_FORMAT + " rows per format and way");
            }
        }
    }

    /** Nanoseconds per append, format 2 in [0], format 3 in [1]. */
    static long[][] run(Connection c, String mode, byte[][] pads) throws Exception {
        var batch = mode.startsWith("append, 1,000");
        var saveShaped = mode.equals("save-shaped");
        var args = "(?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json";
        var after = "{\"text\":\"" + "减负台账".repeat(120) + "\",\"status\":\"DONE\"}";
        PreparedStatement[] statements = new PreparedStatement[2];
        for (int f = 0; f < 2; f++) {
            var call = f == 0 ? "bench_audit_append_v2(" : "audit_append(";
            var tail = f == 0 ? ")" : ", ?, ?)";
            statements[f] = c.prepareStatement(saveShaped ? """
                    with updated as (
                        update bench_entry e set text = ?, version = e.version + 1 from bench_entry old
                        where e.id = ? and old.id = e.id
                        returning e.id, json_build_object('id', old.id, 'text', old.text, 'version', old.version) as before,
                            json_build_object('id', e.id, 'text', e.text, 'version', e.version) as after)
                    select %supdated_at, 7, 'haidian.reporter', 3, '海淀区教育委员会', 'ledger.entry-saved', 'ledger-entry',
                        id::text, before, after%s from updated""".formatted(call, tail).replace("updated_at", "now()")
                    : "select " + call + args.substring(1) + tail);
        }
        var times = new long[2][PER_FORMAT];
        c.setAutoCommit(!batch);
        var now = new Timestamp(Instant.now().toEpochMilli());
        int n = 0;
        for (int done = 0; done < PER_FORMAT; done += BLOCK) {
            for (int f = 0; f < 2; f++) {
                var s = statements[f];
                for (int i = done; i < done + BLOCK; i++) {
                    int p = 1;
                    if (saveShaped) {
                        s.setString(p++, "减负台账 " + (n++) + " " + "内容".repeat(300));
                        s.setLong(p++, 1 + i % 100);
                    }
                    else {
                        s.setTimestamp(p++, now);
                        s.setLong(p++, 7);
                        s.setString(p++, "haidian.reporter");
                        s.setLong(p++, 3);
                        s.setString(p++, "海淀区教育委员会");
                        s.setString(p++, "ledger.entry-saved");
                        s.setString(p++, "ledger-entry");
                        s.setString(p++, Integer.toString(i));
                        s.setString(p++, after);
                        s.setString(p++, after);
                    }
                    if (f == 1) {
                        s.setBytes(p++, pads[0]);
                        s.setBytes(p, pads[1]);
                    }
                    var start = System.nanoTime();
                    s.executeQuery().close();
                    if (batch && (i + 1) % 1000 == 0) {
                        c.commit();
                    }
                    times[f][i] = System.nanoTime() - start;
                }
                if (batch) {
                    c.commit();
                }
            }
        }
        c.setAutoCommit(true);
        return times;
    }

    static byte[][] pads(byte[] key) {
        var inner = Arrays.copyOf(key, 64);
        var outer = Arrays.copyOf(key, 64);
        for (int i = 0; i < 64; i++) {
            inner[i] ^= 0x36;
            outer[i] ^= 0x5c;
        }
        return new byte[][] { inner, outer };
    }

    static long pct(long[] times, int percentile) {
        var sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
    }

    static String us(long[] times, int percentile) {
        return String.format("%,.0f µs", pct(times, percentile) / 1000.0).replace(',', ' ');
    }

    static String show(Connection c, String setting) throws Exception {
        try (var rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
