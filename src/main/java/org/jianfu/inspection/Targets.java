package org.jianfu.inspection;

import java.util.Set;
import java.util.TreeSet;

import org.jianfu.unit.SchoolStage;

/** Which schools a target of stages reaches: a through-school has the sections of every stage it teaches. */
final class Targets {

    private Targets() {
    }

    /** The stages an item may name: the three sections; through-schools are reached through them. */
    static final Set<SchoolStage> SECTIONS = Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR, SchoolStage.SENIOR);

    static boolean covers(Set<SchoolStage> stages, SchoolStage school) {
        return school.reachedBy(stages);
    }

    /** Whether a target reaches a school. */
    static boolean reaches(TargetKind kind, Set<SchoolStage> stages, java.util.Collection<Long> listed, long schoolId, SchoolStage stage) {
        return switch (kind) {
            case ALL_SCHOOLS -> true;
            case STAGES -> covers(stages, stage);
            case LISTED_SCHOOLS -> listed.contains(schoolId);
        };
    }

    /** Equal for items with the same target. */
    static String key(RuleCheck.Item item) {
        return switch (item.target()) {
            case ALL_SCHOOLS -> "ALL";
            case STAGES -> "STAGES" + new TreeSet<>(item.stages());
            case LISTED_SCHOOLS -> "LISTED" + new TreeSet<>(item.listedSchools());
        };
    }
}
