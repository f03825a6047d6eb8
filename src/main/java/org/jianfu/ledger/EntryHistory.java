package org.jianfu.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.audit.AuditRecord;
import org.jianfu.audit.AuditTrail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saved versions of an entry. Every save appends an audit row with the entry as it was and as it became
 * ({@link LedgerRepository#saveEntry}), so the versions are read from the audit trail rather than written a
 * second time: one copy of each version, in the hash chain, with who saved it and when.
 */
@Component
class EntryHistory {

    /** How audit rows name an entry, and the action of a save: the save writes them, this class reads by them. */
    static final String OBJECT_TYPE = "ledger-entry";
    static final String SAVED = "ledger.entry-saved";

    private final AuditTrail trail;
    private final JsonMapper json;

    EntryHistory(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    /** One saved version of an entry; {@code seq} is its audit row, compared with the marks of a ledger's steps. */
    record Revision(int version, EntryStatus status, String text, String naReason, Instant savedAt, String savedBy, long seq) {
    }

    /** Every saved version of the entry, oldest first. */
    List<Revision> of(long entryId) {
        return trail.recordsOf(OBJECT_TYPE, Long.toString(entryId), SAVED).stream().map(this::revision).toList();
    }

    /** Every saved version of each of these entries, oldest first, in one read; an entry never saved has none. */
    Map<Long, List<Revision>> of(Collection<Long> entryIds) {
        var byEntry = new HashMap<Long, List<Revision>>();
        entryIds.forEach(id -> byEntry.put(id, new ArrayList<>()));
        for (var r : trail.recordsOf(OBJECT_TYPE, entryIds.stream().map(String::valueOf).toList(), SAVED)) {
            byEntry.get(Long.parseLong(r.objectId())).add(revision(r));
        }
        return byEntry;
    }

    /** Of an entry's versions (oldest first), the one it stood at at a mark: the newest saved up to then, if any. */
    static Optional<Revision> at(List<Revision> revisions, long mark) {
        return revisions.stream().filter(r -> r.seq() <= mark).reduce((a, b) -> b);
    }

    /** A mark for "now" in every entry's history, kept with a ledger's transitions. */
    long mark() {
        return trail.lastSeq();
    }

    private Revision revision(AuditRecord r) {
        JsonNode after = json.readTree(r.after());
        var status = textOrNull(after, "status");
        // The name the entry was saved under; rows written before it was recorded name the audit actor, the same person.
        var savedBy = textOrNull(after, "updatedBy");
        return new Revision(after.get("version").asInt(), status == null ? null : EntryStatus.valueOf(status),
                textOrNull(after, "text"), textOrNull(after, "naReason"), r.occurredAt(), savedBy != null ? savedBy : r.actorUsername(),
                r.seq());
    }

    private static String textOrNull(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
