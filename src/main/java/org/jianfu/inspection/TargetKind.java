package org.jianfu.inspection;

/** Whom an item inspects (对象): every school of the plan's area, the schools of given stages, or listed schools. */
public enum TargetKind {
    ALL_SCHOOLS,
    STAGES,
    LISTED_SCHOOLS;

    public String messageKey() {
        return "inspection.target." + name();
    }
}
