package org.jianfu.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The register figures of a ledger, attached to the requirements of the ledger's template by code: a
 * figure goes to the requirement with its code, or to the one that took that code's place in a split
 * or merge. A figure whose requirement the template dropped is kept apart, never put on another row.
 */
@Component
class LedgerFigures {

    private final List<RegisterFigures> registers;

    LedgerFigures(List<RegisterFigures> registers) {
        this.registers = registers;
    }

    /** The live figures of a unit for a year, as every register computes them now. */
    List<RegisterFigures.Figure> live(long unitId, int year) {
        return registers.stream().flatMap(register -> register.figuresFor(unitId, year).stream()).toList();
    }

    /**
     * Figures by the id of the requirement they attach to in this template, in the order the registers
     * gave them; figures with no requirement in the template under the key {@code null}.
     */
    static Map<Long, List<RegisterFigures.Figure>> attach(List<RegisterFigures.Figure> figures, LedgerTemplate template) {
        var attached = new LinkedHashMap<Long, List<RegisterFigures.Figure>>();
        for (var figure : figures) {
            var requirement = template.requirementFor(figure.requirementCode());
            attached.computeIfAbsent(requirement.map(LedgerTemplate.Requirement::id).orElse(null), k -> new ArrayList<>())
                    .add(figure);
        }
        return attached;
    }
}
