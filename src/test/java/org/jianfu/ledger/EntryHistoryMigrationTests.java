package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V32 moves entry histories to the audit trail: ledger transitions' marks become audit sequence
 * numbers of the same saves, and the revision table goes only when every revision has its audit row.
 * Each test migrates a database of its own to V30, as every installation made before V31 has it, writes rows as
 * the application did then, and migrates on, through V31 and V32.
 */
class EntryHistoryMigrationTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Test
    void transitionMarksBecomeTheAuditRowsOfTheSameSavesAndTheRevisionTableIsDropped() {
        var db = databaseAtV30();
        var jdbc = JdbcClient.create(db);
        asAtV30(jdbc, List.of(
                revision(10, 1, "a"),
                revision(11, 1, "b"),
                revision(10, 2, "c"),
                audit(5, "10", 1), "insert into audit_event (seq, occurred_at, action, prev_hash, hash) "
                        + "values (6, now(), 'login.succeeded', repeat('0', 64), repeat('0', 64))",
                audit(7, "11", 1), audit(9, "10", 2),
                transition(1, 0), transition(2, 1), transition(3, 2), transition(4, 3)));

        migrate(db, null);

        assertThat(jdbc.sql("select revision_mark from ledger_transition order by id").query(Long.class).list())
                .containsExactly(0L, 5L, 7L, 9L);
        assertThat(jdbc.sql("select to_regclass('ledger_entry_revision') is null").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select distinct hash_format from audit_event").query(Integer.class).list())
                .as("rows written before V31 keep the format they were hashed in").containsExactly(1);
    }

    @Test
    void theMigrationRefusesWhenARevisionHasNoAuditRowAndLosesNothing() {
        var db = databaseAtV30();
        var jdbc = JdbcClient.create(db);
        asAtV30(jdbc, List.of(
                revision(10, 1, "a"),
                revision(10, 2, "b"),
                audit(5, "10", 1), transition(1, 2)));

        assertThatThrownBy(() -> migrate(db, null)).isInstanceOf(FlywayException.class).hasMessageContaining("no audit row");
        assertThat(jdbc.sql("select count(*) from ledger_entry_revision").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select revision_mark from ledger_transition").query(Long.class).single()).isEqualTo(2);
    }

    private static String revision(long entryId, int version, String text) {
        return "insert into ledger_entry_revision (entry_id, version, text, saved_at, saved_by) values ("
                + entryId + ", " + version + ", '" + text + "', now(), 'x')";
    }

    private static String audit(long seq, String entryId, int version) {
        return "insert into audit_event (seq, occurred_at, action, object_type, object_id, after, prev_hash, hash) values ("
                + seq + ", now(), 'ledger.entry-saved', 'ledger-entry', '" + entryId + "', '{\"id\":" + entryId + ",\"version\":" + version
                + ",\"text\":\"t\"}', repeat('0', 64), repeat('0', 64))";
    }

    private static String transition(long ledgerId, long mark) {
        return "insert into ledger_transition (ledger_id, revision_mark, action, from_state, to_state, actor, at) values ("
                + ledgerId + ", " + mark + ", 'SUBMIT_TO_APPROVER', 'DRAFT', 'PENDING_APPROVAL', 'x', now())";
    }

    /** Rows as the application wrote them before V32; the parents they point at do not matter here, so keys are not checked. */
    private static void asAtV30(JdbcClient jdbc, List<String> statements) {
        jdbc.sql("set session_replication_role = replica").update();
        statements.forEach(sql -> jdbc.sql(sql).update());
        jdbc.sql("set session_replication_role = origin").update();
    }

    private static DataSource databaseAtV30() {
        var name = "v14_check_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        JdbcClient.create(new DriverManagerDataSource(TestDatabase.jdbcUrl())).sql("create database " + name).update();
        // one connection, so that the session settings above hold for every statement
        var db = new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                TestDatabase.get().getJdbcUrl("postgres", name), true);
        migrate(db, "30");
        return db;
    }

    private static void migrate(DataSource db, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration");
        (target == null ? config : config.target(target)).load().migrate();
    }
}
