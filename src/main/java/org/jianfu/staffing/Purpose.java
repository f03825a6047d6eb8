package org.jianfu.staffing;

/** What a teacher is seconded for, as requirement 18 distinguishes it. */
public enum Purpose {
    /** 党和国家重大决策部署任务 */
    MAJOR_TASK,
    /** 督查检查评比考核验收: counted per school and year against a limit */
    INSPECTION,
    OTHER;

    public String messageKey() {
        return "staffing.purpose." + name();
    }
}
