package org.jianfu.document;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;

import jakarta.servlet.http.HttpSession;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Ledgers;
import org.jianfu.platform.FileDownloads;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Downloads of ledger files, the print view, and the import of a filled-in file with its preview. */
@Controller
class DocumentController {

    /** The session keeps one import preview at a time. */
    static final String PREVIEW = "document.import-preview";

    private final Documents documents;
    private final Ledgers ledgers;
    private final OfficialCopies officialCopies;

    DocumentController(Documents documents, Ledgers ledgers, OfficialCopies officialCopies) {
        this.documents = documents;
        this.ledgers = ledgers;
        this.officialCopies = officialCopies;
    }

    // --- downloads

    @GetMapping("/ledgers/{id}/export/docx")
    ResponseEntity<byte[]> word(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id) {
        return download(documents.word(me, id));
    }

    @GetMapping("/ledgers/{id}/export/xlsx")
    ResponseEntity<byte[]> excel(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id) {
        return download(documents.excel(me, id));
    }

    /** A file of an official copy (the sealed OFD or the signed PDF), current or superseded, for whoever may read the ledger. */
    @GetMapping("/ledgers/{id}/official-copies/{copyId}/{format:ofd|pdf}")
    ResponseEntity<byte[]> officialCopy(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long copyId,
            @PathVariable String format) {
        return download(officialCopies.file(me, id, copyId, format));
    }

    @GetMapping("/ledgers/{id}/export/blank-docx")
    ResponseEntity<byte[]> blank(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id) {
        return download(documents.blankWord(me, id));
    }

    @GetMapping("/ledger/rounds/{id}/export/blank-docx")
    ResponseEntity<byte[]> roundBlank(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id) {
        return download(documents.roundBlankWord(me, id));
    }

    @GetMapping("/ledger/rounds/{id}/requirements/{number}/export/docx")
    ResponseEntity<byte[]> compiled(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @PathVariable int number) {
        return download(documents.compiled(me, id, number));
    }

    static ResponseEntity<byte[]> download(Documents.Download file) {
        return FileDownloads.attachment(file.fileName(), file.contentType(), file.content());
    }

    // --- print view

    @GetMapping("/ledgers/{id}/print")
    String print(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var ledger = documents.ledger(me, id);
        var answers = new HashMap<Long, java.util.List<String>>();
        ledger.entries().forEach((requirementId, entry) -> answers.put(requirementId,
                AnswerCell.paragraphs(entry, documents.labels())));
        model.addAttribute("ledgerId", id);
        model.addAttribute("doc", ledger);
        model.addAttribute("answers", answers);
        model.addAttribute("labels", documents.labels());
        if (ledger.seal() != null) {
            model.addAttribute("seal", "data:" + ledger.seal().contentType() + ";base64,"
                    + Base64.getEncoder().encodeToString(ledger.seal().content()));
        }
        return "document/print";
    }

    // --- import

    @GetMapping("/ledgers/{id}/import")
    String importForm(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var ledger = ledgers.readable(me, id);
        model.addAttribute("ledgerId", id);
        model.addAttribute("round", ledgers.round(ledger.roundId()));
        model.addAttribute("state", ledger.state());
        model.addAttribute("importable", documents.importable(me, id));
        model.addAttribute("maxMegabytes", UploadPurpose.LEDGER_IMPORT.maxMegabytes());
        return "document/import";
    }

    @PostMapping("/ledgers/{id}/import")
    String upload(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
            RedirectAttributes redirect) throws IOException {
        try {
            var preview = documents.preview(me, id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            session.setAttribute(PREVIEW, preview);
            return "redirect:/ledgers/" + id + "/import/preview";
        }
        catch (RuleViolation refusal) {
            redirect.addFlashAttribute("failure", refusal.messageKey());
            return "redirect:/ledgers/" + id + "/import";
        }
    }

    @GetMapping("/ledgers/{id}/import/preview")
    String preview(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, HttpSession session, Model model,
            RedirectAttributes redirect) {
        var ledger = ledgers.readable(me, id);
        if (!(session.getAttribute(PREVIEW) instanceof ImportPreview preview) || preview.ledgerId() != id) {
            redirect.addFlashAttribute("failure", "document.import.error.expired");
            return "redirect:/ledgers/" + id + "/import";
        }
        model.addAttribute("ledgerId", id);
        model.addAttribute("round", ledgers.round(ledger.roundId()));
        model.addAttribute("preview", preview);
        return "document/preview";
    }

    @PostMapping("/ledgers/{id}/import/apply")
    String apply(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam String token,
            HttpSession session, RedirectAttributes redirect) {
        ledgers.readable(me, id);
        if (!(session.getAttribute(PREVIEW) instanceof ImportPreview preview) || preview.ledgerId() != id
                || !preview.token().equals(token)) {
            redirect.addFlashAttribute("failure", "document.import.error.expired");
            return "redirect:/ledgers/" + id + "/import";
        }
        try {
            documents.apply(me, preview);
            session.removeAttribute(PREVIEW);
            redirect.addFlashAttribute("success", "document.import.applied");
            return "redirect:/ledgers/" + id;
        }
        catch (RuleViolation refusal) {
            session.removeAttribute(PREVIEW);
            redirect.addFlashAttribute("failure", refusal.messageKey());
            return "redirect:/ledgers/" + id + "/import";
        }
    }

    @PostMapping("/ledgers/{id}/import/discard")
    String discard(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, HttpSession session) {
        ledgers.readable(me, id);
        session.removeAttribute(PREVIEW);
        return "redirect:/ledgers/" + id;
    }
}
