package org.jianfu.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register figures of a ledger, attached to the requirements of the ledger's template by code: a
 * figure goes to the requirement with its code, or to the one that took that code's place in a split
 * or merge. A figure whose requirement the template dropped is kept apart, never put on another row.
 */
@Service
public class LedgerFigures {

    private final List<RegisterFigures> registers;
    private final Ledgers ledgers;

    LedgerFigures(List<RegisterFigures> registers, Ledgers ledgers) {
        this.registers = registers;
        this.ledgers = ledgers;
    }

    /** The live figures of a unit for a year, as every register computes them now. */
    List<RegisterFigures.Figure> live(long unitId, int year) {
        return registers.stream().flatMap(register -> register.figuresFor(unitId, year).stream()).toList();
    }

    /** The figures a reader of the ledger is shown for it: those of its unit and its round's year. */
    List<RegisterFigures.Figure> shown(Ledger ledger) {
        return live(ledger.unitId(), ledgers.round(ledger.roundId()).year());
    }

    /** The figures shown for a ledger, if this person may read it (for its files and the city's workbook). */
    @Transactional(readOnly = true)
    public List<RegisterFigures.Figure> shown(AccountPrincipal me, long ledgerId) {
        return shown(ledgers.readable(me, ledgerId));
    }

    /**
     * Figures by the id of the requirement they attach to in this template, in the order the registers
     * gave them; figures with no requirement in the template under the key {@code null}.
     */
    public static Map<Long, List<RegisterFigures.Figure>> attach(List<RegisterFigures.Figure> figures, LedgerTemplate template) {
        var attached = new LinkedHashMap<Long, List<RegisterFigures.Figure>>();
        for (var figure : figures) {
            var requirement = template.requirementFor(figure.requirementCode());
            attached.computeIfAbsent(requirement.map(LedgerTemplate.Requirement::id).orElse(null), k -> new ArrayList<>())
                    .add(figure);
        }
        return attached;
    }
}
