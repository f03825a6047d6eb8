package org.jianfu.document;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Ledgers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The city's summary workbook of a round: its page (the last prepared file, a preparation under way, the button to
 * prepare a new one), the request to prepare one in the background ({@link SummaryWorkbooks}), and the download of the
 * kept file.
 */
@Controller
class SummaryWorkbookController {

    private final SummaryWorkbooks workbooks;
    private final Ledgers ledgers;

    SummaryWorkbookController(SummaryWorkbooks workbooks, Ledgers ledgers) {
        this.workbooks = workbooks;
        this.ledgers = ledgers;
    }

    /** The workbook page of a round, where notifications and the file links lead. */
    static String page(long roundId) {
        return "/ledger/rounds/" + roundId + "/summary-workbook";
    }

    @GetMapping("/ledger/rounds/{id}/summary-workbook")
    String page(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("workbook", workbooks.view(me, id));
        model.addAttribute("round", ledgers.round(id));
        return "document/summary-workbook";
    }

    @PostMapping("/ledger/rounds/{id}/summary-workbook")
    String prepare(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        var started = workbooks.start(me, id);
        redirect.addFlashAttribute(started == SummaryWorkbooks.Start.BUSY ? "failure" : "success", started.messageKey());
        return "redirect:" + page(id);
    }

    /** The kept file; before any was prepared, the page with a message saying so (never an empty file). */
    @GetMapping("/ledger/rounds/{id}/export/summary-xlsx")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, HttpServletRequest request,
            HttpServletResponse response) {
        var file = workbooks.file(me, id);
        if (file.isPresent()) {
            return DocumentController.download(file.get());
        }
        var target = request.getContextPath() + page(id);
        RequestContextUtils.getOutputFlashMap(request).put("failure", "document.summary.none-yet");
        RequestContextUtils.saveOutputFlashMap(target, request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(target)).build();
    }
}
