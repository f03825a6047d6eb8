package org.jianfu.teacher;

import java.time.Instant;

/**
 * One teacher of the roster. The identity number is not here: the roster keeps only its keyed hash and its last
 * four characters ({@link #maskedIdentity()}).
 *
 * @param districtId the district of the teacher's school
 * @param importId the import the row last came from, at {@code importedAt}
 */
public record Teacher(long id, String teacherNumber, String name, long schoolId, long districtId, String stage, String subject,
        String post, State state, long importId, Instant importedAt, int version, String identityTail) {

    /** In the roster, or marked left by a later import of their school that no longer listed them. */
    public enum State {
        ACTIVE, LEFT;

        public String messageKey() {
            return "roster.state." + name();
        }
    }

    /** The identity number as shown: all but the last four characters masked, empty when none was imported. */
    public String maskedIdentity() {
        return IdentityNumber.masked(identityTail);
    }
}
