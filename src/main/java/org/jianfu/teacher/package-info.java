/**
 * The teacher roster (教师名册, requirement 17): the minimal copy of the municipal teacher management information
 * system that the registers need, imported from that system's Excel or CSV export with a preview and a one-transaction
 * apply. Identity-card numbers are never stored in clear, only as a keyed hash. Other modules read it through
 * {@link org.jianfu.teacher.Roster}.
 */
package org.jianfu.teacher;
