package org.jianfu.collection;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.unit.SchoolStage;

/**
 * Which schools an issued collection reaches, as SQL over a collection {@code c} and a school {@code s} (a unit row): it is
 * arranged, and the schools it names include the school, or it names none and its stages (none: every stage) include one
 * the school teaches (a through-school teaches its stages and is its own type). The arranging commission's area is the
 * caller's to join: a district's schools meet the collections of the district and of the city. One definition for the
 * school's page, its to-do count and the ledger figures, so that they count the same rows.
 */
final class Reach {

    private Reach() {
    }

    static final String REACHES = """
            c.state = 'ARRANGED' and case
                when exists (select 1 from collection_school cs where cs.collection_id = c.id)
                then exists (select 1 from collection_school cs where cs.collection_id = c.id and cs.school_id = s.id)
                else c.target_stages = '' or string_to_array(c.target_stages, ',') && case s.stage STAGES_REACHING end
                end""".replace("STAGES_REACHING", Arrays.stream(SchoolStage.values())
                    .map(stage -> "when '" + stage + "' then " + reachingArray(stage)).collect(Collectors.joining(" ")));

    /**
     * Each stage of school with the target stages that reach it, as SQL rows {@code (stage, by)} for a {@code values}
     * list: the counts by district and stage ({@link SchoolGroups}) join their groups with it.
     */
    static final String STAGES_REACHED_BY = Arrays.stream(SchoolStage.values())
            .map(stage -> "('" + stage + "', " + reachingArray(stage) + ")").collect(Collectors.joining(", "));

    /** The target stages that reach a school of this stage ({@link SchoolStage#reachedBy}), as an SQL array. */
    private static String reachingArray(SchoolStage stage) {
        return "array[" + Arrays.stream(SchoolStage.values()).filter(by -> stage.reachedBy(Set.of(by)))
                .map(by -> "'" + by + "'").collect(Collectors.joining(", ")) + "]";
    }

    /** The commissions whose collections can reach a school: those above it, read from its materialised path. */
    static final String COMMISSIONS_ABOVE = "string_to_array(trim(both '/' from s.path), '/')::bigint[]";
}
