package org.jianfu.staffing;

import java.time.LocalDate;

/** What the district's reporter types in for an aid task. */
public record AidTaskDraft(String programme, String destination, Integer places, LocalDate startsOn, LocalDate endsOn, String basis) {
}
