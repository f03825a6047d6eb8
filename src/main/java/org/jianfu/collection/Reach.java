package org.jianfu.collection;

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
                else c.target_stages = '' or string_to_array(c.target_stages, ',') && case s.stage
                    when 'NINE_YEAR' then array['PRIMARY', 'JUNIOR', 'NINE_YEAR']
                    when 'TWELVE_YEAR' then array['PRIMARY', 'JUNIOR', 'SENIOR', 'TWELVE_YEAR']
                    else array[s.stage] end
                end""";

    /** The commissions whose collections can reach a school: those above it, read from its materialised path. */
    static final String COMMISSIONS_ABOVE = "string_to_array(trim(both '/' from s.path), '/')::bigint[]";
}
