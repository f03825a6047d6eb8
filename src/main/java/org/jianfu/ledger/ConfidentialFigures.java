package org.jianfu.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;

/**
 * Figures a register shows next to a district's ledger only to the readers it entitles: the accountability decisions of the
 * city's supervision office, which no district or school may read. Unlike {@link RegisterFigures} they are always live and
 * stay off everything a district reads: they are never frozen at sign-off, never checked against the answer, never written
 * into an exported file. The register, not the ledger, decides who is entitled, so the rule is written once.
 */
public interface ConfidentialFigures {

    /**
     * The figures of these units for the year that this reader may see, by unit id; units with none, and every unit for a
     * reader entitled to none, are left out.
     */
    Map<Long, List<RegisterFigures.Figure>> figuresFor(AccountPrincipal reader, Collection<Long> unitIds, int year);
}
