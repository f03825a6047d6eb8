/**
 * The staffing register (抽调借用, requirement 18): teachers of the roster seconded to other units, with the district
 * education department's consent and the district Party committee's approval, the six-month limit and its extensions,
 * returns, overdue alerts, the count of teachers drafted into inspections, and the one-time cleanup of the secondments
 * that existed when the register started; aid dispatches (requirement 8); the district's training plan with the approval of
 * non-teaching trainings and the hours per teacher (requirement 19), trainings imposed without approval being reported
 * through the whitelist's one mechanism of reports ({@link org.jianfu.whitelist.Reports}, subject TRAINING). Teachers are
 * read through {@link org.jianfu.teacher.Roster}.
 */
package org.jianfu.staffing;
