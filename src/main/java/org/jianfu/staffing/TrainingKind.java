package org.jianfu.staffing;

/** What a training is about, as requirements 19 and 21 distinguish it. */
public enum TrainingKind {
    /** 教研培训一体化 */
    TEACHING_RESEARCH,
    /** 学科教学 */
    SUBJECT,
    /** 信息技术 */
    INFORMATION_TECHNOLOGY,
    /** 心理健康 (requirement 21) */
    MENTAL_HEALTH,
    /** 非教育教学: from any unit but the education department, only with its approval (requirement 19) */
    NON_TEACHING;

    public String messageKey() {
        return "staffing.training.kind." + name();
    }
}
