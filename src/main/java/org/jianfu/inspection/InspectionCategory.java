package org.jianfu.inspection;

/**
 * The categories of requirement 5. The limits that apply to each are data (rule sets), not code: this
 * only names the kinds of inspection item.
 */
public enum InspectionCategory {
    CREATION,
    COMPREHENSIVE_SUPERVISION,
    ACCEPTANCE,
    SELECTION,
    SPECIAL_SUPERVISION,
    TEACHING_INSPECTION,
    SUBJECT_INSPECTION,
    ROUTINE_CHECK,
    PARTY_BUILDING,
    PERFORMANCE,
    SAFE_CAMPUS,
    OTHER;

    public String messageKey() {
        return "inspection.category." + name();
    }
}
