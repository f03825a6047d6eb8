package org.jianfu.collection;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every check of a collection, explained on its page: the duplicate check (fields held by a source system, collected
 * this year, asked by several heads), a school's load per semester while the collection may still reach schools, and the
 * fields the teacher roster already holds, with whether this reader may take the pre-filled file.
 */
@Service
public class CollectionChecks {

    private final CollectionRegister register;
    private final SchoolLoadCheck load;
    private final PrefilledExport prefilled;

    CollectionChecks(CollectionRegister register, SchoolLoadCheck load, PrefilledExport prefilled) {
        this.register = register;
        this.load = load;
        this.prefilled = prefilled;
    }

    /**
     * @param load null when no school goes above the limits, or the collection can no longer reach schools
     * @param roster null when it asks teachers for nothing the roster holds
     */
    public record Checked(List<CollectionFinding> findings, LoadFinding load, RosterFinding roster, boolean prefillable) {

        public boolean none() {
            return findings.isEmpty() && load == null && roster == null;
        }
    }

    /** The checks of a collection the reader may read (see {@link CollectionRegister#readable}). */
    @Transactional(readOnly = true)
    public Checked check(AccountPrincipal me, DataCollection collection) {
        var reaching = collection.state() != CollectionState.MERGED && collection.state() != CollectionState.REFUSED;
        var roster = prefilled.finding(collection).orElse(null);
        return new Checked(register.findings(me, collection), reaching ? load.check(collection).orElse(null) : null, roster,
                roster != null && !roster.prefilled().isEmpty() && prefilled.downloadableBy(me, collection));
    }
}
