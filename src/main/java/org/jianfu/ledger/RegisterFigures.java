package org.jianfu.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Figures a register computes for a district's ledger (cleanup reduction, open findings, whitelist
 * applications…), shown next to the district's own text so the city can compare what is written with
 * what is recorded. The ledger knows no register; each register module registers a bean of this type.
 */
public interface RegisterFigures {

    /**
     * The figures for several reporting units and the year of a round, by unit id in the order given. A page showing many
     * districts asks once, and each register reads them in batches.
     */
    Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year);

    /** The figures for one reporting unit and the year of a round. */
    default List<Figure> figuresFor(long unitId, int year) {
        return figuresFor(List.of(unitId), year).get(unitId);
    }

    /**
     * One computed figure.
     *
     * @param requirementCode the requirement it backs, by its stable code (never its number: numbers move
     *     between template versions)
     * @param key what the figure is, stable across years ("inspection.consultation"): the figure frozen at
     *     sign-off is matched with the live one by it
     * @param messageKey the label, with {@code {0}}-style placeholders for the arguments
     * @param arguments the numbers and names the label shows
     * @param link the register rows the figure was computed from, or null
     * @param alert whether it points at something wrong (an open finding, an unplanned visit)
     * @param contradictions what in the district's answer this figure contradicts, as data (see
     *     {@link Contradiction}); empty when the figure contradicts nothing
     */
    record Figure(String requirementCode, String key, String messageKey, Object[] arguments, String link, boolean alert,
            List<Contradiction> contradictions) {

        public Figure {
            contradictions = List.copyOf(contradictions);
        }

        /** A figure that contradicts nothing in the answer. */
        public Figure(String requirementCode, String key, String messageKey, Object[] arguments, String link, boolean alert) {
            this(requirementCode, key, messageKey, arguments, link, alert, List.of());
        }

        /** This figure, declaring also what it contradicts. */
        public Figure contradicting(Contradiction... more) {
            var all = new java.util.ArrayList<>(contradictions);
            all.addAll(List.of(more));
            return new Figure(requirementCode, key, messageKey, arguments, link, alert, all);
        }
    }
}
