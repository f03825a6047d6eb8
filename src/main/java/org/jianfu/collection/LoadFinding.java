package org.jianfu.collection;

import java.util.List;

import org.jianfu.platform.Semester;

/**
 * What the load check found on a collection: the semester of its deadline, the limits, how many schools it would take
 * above them, the heaviest few by name.
 */
public record LoadFinding(Semester semester, CollectionSettings.SchoolLoadLimit limit, int schoolsOver, List<School> first) {

    /** A school above the limit: its collections and minutes in the semester, the checked collection counted in. */
    public record School(long id, String name, int collections, long minutes) {
    }

    public String messageKey() {
        return "collection.finding.OVERLOADED";
    }
}
