package org.jianfu.ledger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** What changed in a whole ledger from one submission to another, on one page. */
@Controller
class LedgerChangesController {

    private final Ledgers ledgers;
    private final LedgerSubmissions submissions;
    private final Units units;

    LedgerChangesController(Ledgers ledgers, LedgerSubmissions submissions, Units units) {
        this.ledgers = ledgers;
        this.submissions = submissions;
        this.units = units;
    }

    @GetMapping("/ledgers/{id}/changes")
    String changes(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to, Model model) {
        var ledger = ledgers.readable(me, id);
        model.addAttribute("ledger", ledger);
        model.addAttribute("round", ledgers.round(ledger.roundId()));
        model.addAttribute("unit", units.get(ledger.unitId()));
        model.addAttribute("submissions", submissions.submissions(id));
        model.addAttribute("comparison", submissions.compare(ledger, from, to, LedgerController.cityReader(me)).orElse(null));
        return "ledger/changes";
    }
}
