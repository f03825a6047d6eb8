package org.jianfu.whitelist;

/** The kinds of outside affair requirements 8–13 name, each with the requirement it falls under. */
public enum Category {
    AID_COOPERATION(8),
    EXAM_DUTY(9),
    SPECIAL_CAMPAIGN(10),
    PUBLICITY(11),
    CITY_CREATION(12),
    COMMUNITY(13),
    OTHER(0);

    private final int requirement;

    Category(int requirement) {
        this.requirement = requirement;
    }

    /** The requirement of the 2021 ledger this category answers to, or 0 for other affairs. */
    public int requirement() {
        return requirement;
    }

    /** The stable code of that requirement (see the ledger template), or null for other affairs. */
    public String requirementCode() {
        return requirement == 0 ? null : String.format("2021-%02d", requirement);
    }

    public String messageKey() {
        return "whitelist.category." + name();
    }
}
