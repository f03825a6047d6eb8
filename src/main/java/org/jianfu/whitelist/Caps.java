package org.jianfu.whitelist;

import java.time.Instant;

/**
 * The limits checked on approval and when schools record hosted activities; a city admin may change them.
 *
 * @param yearlyTotal items one school's whitelist may hold in a year, city and district items together
 * @param schoolSemester listed activities one school may host in a semester
 */
public record Caps(int yearlyTotal, int schoolSemester, Instant updatedAt, String updatedBy, int version) {
}
