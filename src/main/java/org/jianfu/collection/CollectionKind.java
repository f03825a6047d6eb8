package org.jianfu.collection;

/**
 * What a collection asks of schools, as requirement 14 lists them; each kind is arranged as the source demands.
 */
public enum CollectionKind {
    /** 报表填写 */
    FORM,
    /** 材料报送: teaching cases, self-inspection reports, work summaries */
    MATERIAL,
    /** 教育统计: needs the same-level statistics department's approval unless that department asks itself */
    STATISTICS,
    /** 调研 */
    SURVEY,
    /** 问卷 */
    QUESTIONNAIRE,
    /** 社会性评比、知识竞赛、文艺汇演: never compulsory (requirement 15) */
    CONTEST;

    public String messageKey() {
        return "collection.kind." + name();
    }

    /** A survey or questionnaire: when teachers fill it in, it counts against the yearly total. */
    public boolean survey() {
        return this == SURVEY || this == QUESTIONNAIRE;
    }
}
