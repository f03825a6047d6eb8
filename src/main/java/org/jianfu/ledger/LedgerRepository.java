package org.jianfu.ledger;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jianfu.audit.AuditActor;
import org.jianfu.audit.AuditKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for rounds, ledgers, entries and transitions: the tables this module owns. */
@Repository
class LedgerRepository {

    private final JdbcClient jdbc;
    /** Keys the audit row the entry save appends in its own statement. */
    private final AuditKey auditKey;

    LedgerRepository(JdbcClient jdbc, AuditKey auditKey) {
        this.jdbc = jdbc;
        this.auditKey = auditKey;
    }

    // --- rounds

    long insertRound(long templateId, int year, String title, LocalDate deadline, Instant now) {
        return jdbc.sql("""
                insert into ledger_round (template_id, year, title, deadline, state, opened_at)
                values (?, ?, ?, ?, 'OPEN', ?) returning id""")
                .params(templateId, year, title, deadline, utc(now)).query(Long.class).single();
    }

    Optional<LedgerRound> findRound(long id) {
        return jdbc.sql("select * from ledger_round where id = ?").param(id).query(LedgerRepository::mapRound).optional();
    }

    List<LedgerRound> rounds() {
        return jdbc.sql("select * from ledger_round order by opened_at desc, id desc").query(LedgerRepository::mapRound).list();
    }

    boolean closeRound(long id, int expectedVersion, Instant now) {
        return jdbc.sql("""
                update ledger_round set state = 'CLOSED', closed_at = ?, version = version + 1
                where id = ? and version = ? and state = 'OPEN'""")
                .params(utc(now), id, expectedVersion).update() == 1;
    }

    private static LedgerRound mapRound(ResultSet rs, int n) throws SQLException {
        return new LedgerRound(rs.getLong("id"), rs.getLong("template_id"), rs.getInt("year"), rs.getString("title"),
                rs.getObject("deadline", LocalDate.class), "OPEN".equals(rs.getString("state")),
                instant(rs, "opened_at"), instant(rs, "closed_at"), rs.getInt("version"));
    }

    // --- ledgers

    /** Creates the ledger of a unit with an empty entry per requirement of the round's template. */
    long insertLedger(long roundId, long unitId, long templateId) {
        var id = jdbc.sql("insert into ledger (round_id, unit_id, state) values (?, ?, 'DRAFT') returning id")
                .params(roundId, unitId).query(Long.class).single();
        jdbc.sql("""
                insert into ledger_entry (ledger_id, requirement_id)
                select ?, id from template_requirement where template_id = ? order by number""")
                .params(id, templateId).update();
        return id;
    }

    Optional<Ledger> findLedger(long id) {
        return jdbc.sql("select * from ledger where id = ?").param(id).query(LedgerRepository::mapLedger).optional();
    }

    List<Ledger> ledgersOfRound(long roundId) {
        return jdbc.sql("select * from ledger where round_id = ? order by unit_id").param(roundId)
                .query(LedgerRepository::mapLedger).list();
    }

    List<Ledger> ledgersOfUnit(long unitId) {
        return jdbc.sql("select * from ledger where unit_id = ? order by round_id desc").param(unitId)
                .query(LedgerRepository::mapLedger).list();
    }

    boolean updateHeader(long id, int expectedVersion, String person, String phone, Instant now) {
        return jdbc.sql("""
                update ledger set contact_person = ?, contact_phone = ?, started_at = coalesce(started_at, ?),
                    version = version + 1
                where id = ? and version = ?""")
                .params(person, phone, utc(now), id, expectedVersion).update() == 1;
    }

    boolean moveLedger(long id, int expectedVersion, LedgerState from, LedgerState to, Instant now) {
        return jdbc.sql("""
                update ledger set state = ?, version = version + 1,
                    submitted_at = case when ? = 'SUBMITTED' then ? else submitted_at end,
                    accepted_at = case when ? = 'ACCEPTED' then ? else accepted_at end
                where id = ? and version = ? and state = ?""")
                .params(to.name(), to.name(), utc(now), to.name(), utc(now), id, expectedVersion, from.name())
                .update() == 1;
    }

    void applySeal(long ledgerId, Long sealId) {
        jdbc.sql("update ledger set seal_id = ? where id = ?").params(sealId, ledgerId).update();
    }

    Optional<Long> sealOf(long ledgerId) {
        return jdbc.sql("select seal_id from ledger where id = ? and seal_id is not null").param(ledgerId)
                .query(Long.class).optional();
    }

    /** {@code revisionMark} marks where every entry's history stood at this step ({@link EntryHistory#mark}). */
    void insertTransition(long ledgerId, long revisionMark, LedgerAction action, LedgerState from, LedgerState to, String comment,
            String actor, String actorName, Instant now) {
        jdbc.sql("""
                insert into ledger_transition (ledger_id, revision_mark, action, from_state, to_state, comment, actor, actor_name, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ledgerId, revisionMark, action.name(), from.name(), to.name(), comment, actor, actorName, utc(now)).update();
    }

    List<Transition> transitions(long ledgerId) {
        return jdbc.sql("select * from ledger_transition where ledger_id = ? order by at, id").param(ledgerId)
                .query((rs, n) -> new Transition(LedgerAction.valueOf(rs.getString("action")),
                        LedgerState.valueOf(rs.getString("from_state")), LedgerState.valueOf(rs.getString("to_state")),
                        rs.getString("comment"), rs.getString("actor"), rs.getString("actor_name"), instant(rs, "at"),
                        rs.getLong("revision_mark")))
                .list();
    }

    /** {@code actor} is the username, {@code actorName} the display name pages show. */
    record Transition(LedgerAction action, LedgerState from, LedgerState to, String comment, String actor, String actorName,
            Instant at, long revisionMark) {
    }

    private static Ledger mapLedger(ResultSet rs, int n) throws SQLException {
        return new Ledger(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("unit_id"),
                LedgerState.valueOf(rs.getString("state")), rs.getString("contact_person"), rs.getString("contact_phone"),
                instant(rs, "started_at"), instant(rs, "submitted_at"), instant(rs, "accepted_at"), rs.getInt("version"));
    }

    // --- entries

    List<LedgerEntry> entries(long ledgerId) {
        return jdbc.sql("""
                select e.* from ledger_entry e join template_requirement r on r.id = e.requirement_id
                where e.ledger_id = ? order by r.number""")
                .param(ledgerId).query(LedgerRepository::mapEntry).list();
    }

    Optional<LedgerEntry> entry(long ledgerId, long requirementId) {
        return jdbc.sql("select * from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(ledgerId, requirementId).query(LedgerRepository::mapEntry).optional();
    }

    /** The outcome of {@link #saveEntry}: the entry as saved, and whether its ledger had not been started yet. */
    record SavedEntry(LedgerEntry entry, boolean firstInLedger) {
    }

    /**
     * The whole save in one statement, so it costs one round trip: only when the ledger belongs to the
     * unit, is editable and its round open, and the version is still the one the user loaded, the entry
     * is updated and the audit row appended, which is also the entry's new version in its history (through the audit module's database
     * function {@code audit_append}, with the entry before and after as JSON, keyed with the audit key). Empty when nothing was
     * saved; the caller then finds out why.
     *
     * <p>{@code old} is the row as this statement's snapshot saw it. If someone else saves in between,
     * PostgreSQL re-checks {@code e.version} against their new row and the update does not happen, so
     * {@code old} is always the version that was replaced.
     */
    Optional<SavedEntry> saveEntry(long ledgerId, long requirementId, long unitId, int expectedVersion, EntryStatus status,
            String text, String naReason, String by, Instant now, AuditActor actor) {
        return jdbc.sql("""
                with updated as (
                    update ledger_entry e set status = ?, text = ?, na_reason = ?,
                        version = e.version + 1, updated_at = ?, updated_by = ?
                    from ledger_entry old, ledger l, ledger_round r
                    where e.ledger_id = ? and e.requirement_id = ? and e.version = ?
                      and old.id = e.id and old.version = ?
                      and l.id = e.ledger_id and l.unit_id = ? and l.state in ('DRAFT', 'RETURNED')
                      and r.id = l.round_id and r.state = 'OPEN'
                    returning e.id, e.version, e.updated_at, l.started_at is null as first_in_ledger,
                        json_build_object('id', old.id, 'ledgerId', old.ledger_id, 'requirementId', old.requirement_id,
                            'status', old.status, 'text', old.text, 'naReason', old.na_reason, 'version', old.version,
                            'updatedBy', old.updated_by) as before,
                        json_build_object('id', e.id, 'ledgerId', e.ledger_id, 'requirementId', e.requirement_id,
                            'status', e.status, 'text', e.text, 'naReason', e.na_reason, 'version', e.version,
                            'updatedBy', e.updated_by) as after),
                audited as (
                    select audit_append(updated_at, ?, ?, ?, ?, ?, ?, id::text, before, after, ?, ?) as seq
                    from updated)
                select id, version, updated_at, first_in_ledger, (select seq from audited) as audit_seq from updated""")
                .params(status == null ? null : status.name(), text, naReason, utc(now), by, ledgerId, requirementId, expectedVersion,
                        expectedVersion, unitId, actor.accountId(), actor.username(), actor.unitId(), actor.unitName(),
                        EntryHistory.SAVED, EntryHistory.OBJECT_TYPE, auditKey.innerPad(), auditKey.outerPad())
                .query((rs, n) -> new SavedEntry(new LedgerEntry(rs.getLong("id"), ledgerId, requirementId, status, text,
                        naReason, rs.getInt("version"), instant(rs, "updated_at"), by), rs.getBoolean("first_in_ledger")))
                .optional();
    }

    /** Marks the ledger started (someone saved an entry), unless it already was. */
    void markStarted(long ledgerId, Instant now) {
        jdbc.sql("update ledger set started_at = ? where id = ? and started_at is null").params(utc(now), ledgerId).update();
    }

    private static LedgerEntry mapEntry(ResultSet rs, int n) throws SQLException {
        var status = rs.getString("status");
        return new LedgerEntry(rs.getLong("id"), rs.getLong("ledger_id"), rs.getLong("requirement_id"),
                status == null ? null : EntryStatus.valueOf(status), rs.getString("text"), rs.getString("na_reason"),
                rs.getInt("version"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    // --- evidence

    long insertEvidence(long entryId, String fileName, String contentType, byte[] content, String by, Instant now) {
        return jdbc.sql("""
                insert into ledger_evidence (entry_id, file_name, content_type, size, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(entryId, fileName, contentType, content.length, content, by, utc(now)).query(Long.class).single();
    }

    List<Evidence> evidence(long entryId) {
        return jdbc.sql("""
                select id, entry_id, file_name, content_type, size, uploaded_by, uploaded_at from ledger_evidence
                where entry_id = ? order by uploaded_at, id""")
                .param(entryId)
                .query((rs, n) -> new Evidence(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")))
                .list();
    }

    Optional<byte[]> evidenceContent(long evidenceId, long entryId) {
        return jdbc.sql("select content from ledger_evidence where id = ? and entry_id = ?").params(evidenceId, entryId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    boolean deleteEvidence(long evidenceId, long entryId) {
        return jdbc.sql("delete from ledger_evidence where id = ? and entry_id = ?").params(evidenceId, entryId).update() == 1;
    }

    record Evidence(long id, long entryId, String fileName, String contentType, long size, String uploadedBy, Instant at) {
    }

    // --- comments

    void insertComment(long entryId, String author, String authorName, String unitName, String body, Instant now) {
        jdbc.sql("""
                insert into ledger_entry_comment (entry_id, author, author_name, unit_name, body, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(entryId, author, authorName, unitName, body, utc(now)).update();
    }

    List<Comment> comments(long entryId) {
        return jdbc.sql("select * from ledger_entry_comment where entry_id = ? order by created_at, id").param(entryId)
                .query(LedgerRepository::mapComment).list();
    }

    private static Comment mapComment(ResultSet rs, int n) throws SQLException {
        return new Comment(rs.getString("author"), rs.getString("author_name"), rs.getString("unit_name"),
                rs.getString("body"), instant(rs, "created_at"));
    }

    /** The comments on a ledger's entries made from an instant on, by requirement id, oldest first. */
    java.util.Map<Long, List<Comment>> commentsSince(long ledgerId, Instant since) {
        var byRequirement = new java.util.LinkedHashMap<Long, List<Comment>>();
        jdbc.sql("""
                select e.requirement_id, c.* from ledger_entry_comment c join ledger_entry e on e.id = c.entry_id
                where e.ledger_id = ? and c.created_at >= ? order by c.created_at, c.id""")
                .params(ledgerId, utc(since))
                .query(rs -> {
                    byRequirement.computeIfAbsent(rs.getLong("requirement_id"), k -> new java.util.ArrayList<>())
                            .add(mapComment(rs, 0));
                });
        return byRequirement;
    }

    /** Comment counts per requirement id of one ledger. */
    java.util.Map<Long, Integer> commentCounts(long ledgerId) {
        return counts("""
                select e.requirement_id, count(*) from ledger_entry_comment c join ledger_entry e on e.id = c.entry_id
                where e.ledger_id = ? group by e.requirement_id""", ledgerId);
    }

    /** A (key, count) query as a map. */
    private java.util.Map<Long, Integer> counts(String sql, long parameter) {
        var counts = new java.util.HashMap<Long, Integer>();
        jdbc.sql(sql).param(parameter).query(rs -> {
            counts.put(rs.getLong(1), rs.getInt(2));
        });
        return counts;
    }

    record Comment(String author, String authorName, String unitName, String body, Instant at) {
    }

    // --- reminders

    /** Records that a reminder went out; false when it had gone out already. */
    boolean recordReminder(long ledgerId, String kind, Instant now) {
        return jdbc.sql("insert into ledger_reminder (ledger_id, kind, sent_at) values (?, ?, ?) on conflict do nothing")
                .params(ledgerId, kind, utc(now)).update() == 1;
    }

    /** Records the city's reminder (催报) of a ledger on a day; false when it was already reminded that day. */
    boolean recordChase(long ledgerId, LocalDate day, Instant now, String by) {
        return jdbc.sql("insert into ledger_chase (ledger_id, sent_on, sent_at, sent_by) values (?, ?, ?, ?) on conflict do nothing")
                .params(ledgerId, day, utc(now), by).update() == 1;
    }

    /** When each ledger of a round the city reminded was last reminded. */
    java.util.Map<Long, Instant> lastChases(long roundId) {
        var last = new java.util.HashMap<Long, Instant>();
        jdbc.sql("""
                select c.ledger_id, max(c.sent_at) as sent_at from ledger_chase c join ledger l on l.id = c.ledger_id
                where l.round_id = ? group by c.ledger_id""")
                .param(roundId).query(rs -> {
                    last.put(rs.getLong("ledger_id"), instant(rs, "sent_at"));
                });
        return last;
    }

    // --- answer quality

    void replaceFlags(long ledgerId, List<StoredFlag> flags) {
        jdbc.sql("delete from ledger_entry_flag where ledger_id = ?").param(ledgerId).update();
        for (var flag : flags) {
            jdbc.sql("insert into ledger_entry_flag (ledger_id, entry_id, kind, other_entry_id) values (?, ?, ?, ?)")
                    .params(ledgerId, flag.entryId(), flag.kind().name(), flag.otherEntryId()).update();
        }
    }

    record StoredFlag(long entryId, AnswerQuality.Flag kind, Long otherEntryId) {
    }

    /** The flags on one requirement's answers in a round, by entry id. */
    java.util.Map<Long, List<AnswerQuality.Flag>> flagsOfRequirement(long roundId, long requirementId) {
        var flags = new java.util.HashMap<Long, List<AnswerQuality.Flag>>();
        jdbc.sql("""
                select f.entry_id, f.kind from ledger_entry_flag f join ledger l on l.id = f.ledger_id
                join ledger_entry e on e.id = f.entry_id
                where l.round_id = ? and e.requirement_id = ? order by f.entry_id, f.kind""")
                .params(roundId, requirementId)
                .query(rs -> {
                    flags.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(AnswerQuality.Flag.valueOf(rs.getString(2)));
                });
        return flags;
    }

    /** Warnings per ledger of a round, for the dashboard. */
    java.util.Map<Long, Integer> flagCounts(long roundId) {
        return counts("""
                select f.ledger_id, count(*) from ledger_entry_flag f join ledger l on l.id = f.ledger_id
                where l.round_id = ? group by f.ledger_id""", roundId);
    }

    // --- last year

    /**
     * The answers of the same unit in its ledger of the most recent round of an earlier year than this
     * ledger's round (whichever template that round used), each with its requirement's code and number
     * there; empty when the unit had no such ledger. Entries never filled in are left out.
     */
    List<LastYearAnswers.Answer> previousYearAnswers(long ledgerId) {
        return jdbc.sql("""
                with previous as (
                    select p.id, pr.year from ledger l
                    join ledger_round r on r.id = l.round_id
                    join ledger p on p.unit_id = l.unit_id
                    join ledger_round pr on pr.id = p.round_id and pr.year < r.year
                    where l.id = ?
                    order by pr.year desc, pr.opened_at desc, pr.id desc
                    limit 1)
                select p.year, e.id, q.number, q.code, e.status, e.text, e.na_reason from previous p
                join ledger_entry e on e.ledger_id = p.id
                join template_requirement q on q.id = e.requirement_id
                where e.status is not null or e.text <> '' or e.na_reason is not null
                order by q.number""")
                .param(ledgerId)
                .query((rs, n) -> {
                    var status = rs.getString("status");
                    return new LastYearAnswers.Answer(rs.getInt("year"), rs.getLong("id"), rs.getInt("number"),
                            rs.getString("code"), status == null ? null : EntryStatus.valueOf(status), rs.getString("text"),
                            rs.getString("na_reason"));
                })
                .list();
    }

    // --- city views

    /** For the dashboard: the entries' statuses of the given ledgers, as (ledger id, requirement number, status). */
    List<Cell> statusMatrix(List<Long> ledgerIds) {
        return jdbc.sql("""
                select e.ledger_id, r.number, e.status from ledger_entry e
                join template_requirement r on r.id = e.requirement_id
                where e.ledger_id = any(?)""")
                .param(ledgerIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    var status = rs.getString(3);
                    return new Cell(rs.getLong(1), rs.getInt(2), status == null ? null : EntryStatus.valueOf(status));
                })
                .list();
    }

    record Cell(long ledgerId, int number, EntryStatus status) {
    }

    /** For the side-by-side page: one requirement's entries from the given ledgers (one page of units). */
    /** Every entry of these ledgers, in one query. */
    List<LedgerEntry> entriesOfLedgers(List<Long> ledgerIds) {
        return jdbc.sql("select * from ledger_entry where ledger_id = any(?)")
                .param(ledgerIds.toArray(Long[]::new)).query(LedgerRepository::mapEntry).list();
    }

    /** {@link Ledgers#changeStamps}: each ledger's version plus its entries' versions, the entries summed in one pass. */
    Map<Long, Long> changeStamps(List<Long> ledgerIds) {
        var ids = ledgerIds.toArray(Long[]::new);
        return jdbc.sql("""
                select l.id, l.version + coalesce(e.versions, 0) as stamp
                from ledger l left join (select ledger_id, sum(version) as versions from ledger_entry where ledger_id = any(?)
                                         group by ledger_id) e on e.ledger_id = l.id
                where l.id = any(?)""")
                .params(ids, ids)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getLong("stamp"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<LedgerEntry> entriesOfRequirement(List<Long> ledgerIds, long requirementId) {
        return jdbc.sql("select * from ledger_entry where ledger_id = any(?) and requirement_id = ?")
                .params(ledgerIds.toArray(Long[]::new), requirementId).query(LedgerRepository::mapEntry).list();
    }
}
