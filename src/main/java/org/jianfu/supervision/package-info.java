/**
 * Supervision (督导, requirements 22–23): the working tool of the city's education supervision office (市政府教育督导室).
 * Its indicator board shows every district at once: indicators defined once as data (a code, the register figure they are
 * read from, a definition, a direction and a threshold the city edits), their values per year and district stored and
 * ranked, the current year's recomputed by a job or on demand and each year's frozen when its ledger round closes, so that
 * the last five years compare like with like; the office's visits, findings, rectification and accountability build on it.
 * The registers are read only through the ledger's {@link org.jianfu.ledger.RegisterFigures} contributions (and the
 * ledger's own {@link org.jianfu.ledger.SubmissionFigures}), never a register's tables or services.
 */
package org.jianfu.supervision;
