package org.jianfu.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jianfu.unit.SchoolStage;

/** An indicator set a district registered: its year, name, the stages and school types it applies to, and its indicators. */
public record EvaluationSet(long id, long districtId, int year, String name, List<SchoolStage> stages, List<Indicator> indicators,
        Instant createdAt, String createdBy, int version) {

    /** One indicator of a set, with its weight if the set weighs them. */
    public record Indicator(int position, String name, BigDecimal weight) {
    }

    /** What the audit trail keeps of a set. */
    record Snapshot(long districtId, int year, String name, List<SchoolStage> stages, List<Indicator> indicators) {
    }

    Snapshot snapshot() {
        return new Snapshot(districtId, year, name, stages, indicators);
    }
}
