/**
 * Good practice (requirement 24): districts submit cases of burden reduction, the city reviews them (returning with a
 * reason or publishing), and published cases are shown to everyone on a public page, each linked to the requirements it
 * concerns. Figures reach the ledger as {@link org.jianfu.ledger.RegisterFigures}.
 */
package org.jianfu.practice;
