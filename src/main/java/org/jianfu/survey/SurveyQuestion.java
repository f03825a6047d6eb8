package org.jianfu.survey;

/**
 * One question of a wave, as data: hours in the last full working week on a task (counted as teaching or not, and for
 * outside demands which one), a 1–5 scale, the stage the teacher teaches, or an open comment.
 */
public record SurveyQuestion(long id, long waveId, int position, String code, Kind kind, Work work, Demand demand, String label) {

    public enum Kind {
        HOURS, SCALE, STAGE, TEXT;

        public String messageKey() {
            return "survey.kind." + name();
        }
    }

    public enum Work {
        TEACHING, NON_TEACHING;

        public String messageKey() {
            return "survey.work." + name();
        }
    }

    /** The outside demands the platform's registers track, each asked about as hours. */
    public enum Demand {
        INSPECTION, COLLECTION, CAMPUS_ENTRY, TRAINING, SECONDMENT_DUTY;

        public String messageKey() {
            return "survey.demand." + name();
        }
    }

    /** The stages a teacher can answer they teach. */
    static final java.util.List<String> STAGES = java.util.List.of("PRIMARY", "JUNIOR", "SENIOR");

    /** The most hours a week one task can take, and all of them together. */
    static final int MAX_HOURS = 80;
    static final int MAX_TOTAL_HOURS = 100;
    static final int MAX_COMMENT = 1000;
}
