/**
 * School duties (学校治理, requirements 20–21): the non-teaching duties a school assigns to its teachers of the roster,
 * refused at the door when the city has banned their type (boarding-school security, canteen management); the workload
 * standards per stage, subject and post the city sets, and each teacher's weekly lessons and duty hours compared with
 * them; the teaching competitions a school's teachers are sent to, the same content twice in a year flagged. Teachers are
 * read through {@link org.jianfu.teacher.Roster}; the figures reach the ledger as {@link org.jianfu.ledger.RegisterFigures}.
 */
package org.jianfu.duty;
