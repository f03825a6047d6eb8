/**
 * The evaluation indicator register (requirement 6): the indicator systems districts use to evaluate schools, each set with
 * its indicators, weights and the school stages and types it applies to, flagged when an indicator names one of the "five
 * onlys" (a phrase list kept as data), a set has too many indicators, indicators of a district's sets nearly repeat each
 * other, or one list applies to every stage and type. Figures reach the ledger as {@link org.jianfu.ledger.RegisterFigures}.
 */
package org.jianfu.evaluation;
