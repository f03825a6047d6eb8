package org.jianfu.staffing;

import java.math.BigDecimal;

/**
 * What is typed in for a training: its plan's year, title, organiser (for the district's reporter: the department itself
 * when none is chosen; a department's user always organises its own), kind, form, hours and targets.
 */
public record TrainingDraft(Integer year, String title, Long organiserUnitId, TrainingKind kind, TrainingMode mode, BigDecimal hours,
        String targets) {
}
