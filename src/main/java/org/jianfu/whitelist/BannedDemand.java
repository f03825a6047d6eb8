package org.jianfu.whitelist;

/**
 * What an activity entering schools may not ask, and the requirements of the 2021 ledger that forbid it.
 * An application answers each question; a "yes" is refused at the door.
 */
public enum BannedDemand {
    /** Reports, reflections, essays or summaries from teachers or students (requirements 10, 11). */
    WRITING("asksWriting", "10、11"),
    /** Street duty or volunteer quotas for teachers (requirement 12). */
    STREET_DUTY("asksStreetDuty", "12"),
    /** Photos, screenshots or videos as proof of participation: trace-keeping (requirement 7). */
    PROOF_PHOTOS("asksProofPhotos", "7"),
    /** Taking class time: activities may not disturb normal teaching (requirements 10, 11, 13). */
    CLASS_TIME("takesClassTime", "10、11、13");

    private final String field;
    private final String requirements;

    BannedDemand(String field, String requirements) {
        this.field = field;
        this.requirements = requirements;
    }

    /** The form field that answers this question. */
    public String field() {
        return field;
    }

    /** The requirement numbers cited when refusing, as the interface shows them. */
    public String requirements() {
        return requirements;
    }

    public String messageKey() {
        return "whitelist.banned." + name();
    }

    /** The refusal, citing the requirements. */
    public String refusalKey() {
        return "whitelist.banned." + name() + ".refused";
    }
}
