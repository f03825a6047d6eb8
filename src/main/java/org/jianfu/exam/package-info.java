/**
 * Exam duties (考务/监考, requirement 9): the yearly exam plans departments file with the education commission of their
 * level, which arranges them (accepts, moves them to other sites, or refuses with a reason); the sessions an arranged plan
 * holds at schools; a proposal of who invigilates, spread as evenly as the season allows over teachers and schools with
 * its gap to the lower bound ({@link org.jianfu.exam.ExamSeason}, the allocator); the invigilation actually done,
 * imported from the exam office's sheet, an exam in no arranged plan flagged; the spread before and after in numbers
 * ({@link org.jianfu.exam.Spread}) and a chart. Teachers are read through {@link org.jianfu.teacher.Roster}; the figures
 * reach the ledger as {@link org.jianfu.ledger.RegisterFigures}.
 */
package org.jianfu.exam;
