/**
 * The anonymous teacher-burden survey (requirement 23): waves the city defines with their questions as data, a link, a QR
 * code and single-use codes per school, answers from teachers without an account that cannot be traced back to a code, a
 * school or a person, and results shown only for groups of at least the threshold (by district, school type, stage and over
 * waves), compared with the inspection register. Figures reach the ledger as {@link org.jianfu.ledger.RegisterFigures}.
 */
package org.jianfu.survey;
