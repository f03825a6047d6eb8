package org.jianfu.ledger;

import java.util.List;

/**
 * Figures a register computes for a district's ledger (cleanup reduction, open findings, whitelist
 * applications…), shown next to the district's own text so the city can compare what is written with
 * what is recorded. The ledger knows no register; each register module registers a bean of this type.
 */
public interface RegisterFigures {

    /** The figures for one reporting unit and the year of a round. */
    List<Figure> figuresFor(long unitId, int year);

    /**
     * One computed figure.
     *
     * @param requirementNumber the requirement it backs, by its number in the round's template
     * @param messageKey the label, with {@code {0}}-style placeholders for the arguments
     * @param arguments the numbers and names the label shows
     * @param link the register page the figure comes from, or null
     * @param alert whether it points at something wrong (an open finding, an unplanned visit)
     */
    record Figure(int requirementNumber, String messageKey, Object[] arguments, String link, boolean alert) {
    }
}
