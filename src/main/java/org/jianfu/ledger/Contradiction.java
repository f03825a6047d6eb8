package org.jianfu.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a register figure contradicts in a district's answer, declared by the register as data. A figure
 * declares a contradiction only when the register shows the fact it rests on (an open blocking finding,
 * a non-zero count, a recorded date or none); whether the answer then contradicts it is decided here,
 * by the answer's status and words.
 */
public sealed interface Contradiction {

    /**
     * The answer's status claims what the register denies: 已落实 while a blocking finding is open, a
     * list is unfiled after its deadline or a refusal is pending.
     *
     * @param statuses the statuses the register contradicts
     * @param reasonKey why, as a message key (the fact the register shows)
     */
    record Status(Set<EntryStatus> statuses, String reasonKey) implements Contradiction {
        public Status {
            statuses = Set.copyOf(statuses);
        }

        /** 已落实 is contradicted, for the reason given, when the register shows the fact; otherwise nothing is declared. */
        public static Contradiction[] implementedUnless(boolean fact, String reasonKey) {
            return fact ? new Contradiction[] { new Status(Set.of(EntryStatus.IMPLEMENTED), reasonKey) } : new Contradiction[0];
        }
    }

    /**
     * A denial in the text while the figure counts some: "未出现…层层加码" next to two escalations.
     *
     * @param patterns the denials, where {@code …} stands for a few characters within one clause
     */
    record Denial(List<String> patterns) implements Contradiction {
        public Denial {
            patterns = List.copyOf(patterns);
        }
    }

    /**
     * A date the text gives for an event that differs from the date recorded, or any date for an event
     * not recorded at all: "7月20日报市备案" while the plan was not filed.
     *
     * @param phrases the words naming the event (备案, 报市), looked for in the clause of the date
     * @param recorded the date the register records, or null when the event is not recorded
     */
    record DateClaim(List<String> phrases, LocalDate recorded) implements Contradiction {
        public DateClaim {
            phrases = List.copyOf(phrases);
        }
    }
}
