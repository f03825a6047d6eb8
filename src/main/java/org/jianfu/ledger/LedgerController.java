package org.jianfu.ledger;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Accounts;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.FileDownloads;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A ledger for everyone who may read it: its entries, evidence, comments and the steps of the cycle. */
@Controller
class LedgerController {

    private final Ledgers ledgers;
    private final LedgerEvidence ledgerEvidence;
    private final EntryComments entryComments;
    private final EntryRevisions entryRevisions;
    private final LedgerSubmissions submissions;
    private final AnswerQualityWarnings qualityWarnings;
    private final Templates templates;
    private final Units units;
    private final org.springframework.context.MessageSource messages;
    private final LedgerFigures ledgerFigures;
    private final Accounts accounts;
    private final SignOffs signOffs;
    private final LedgerContradictions contradictions;
    private final OfficialCopyFacts officialCopies;
    private final LastYearAnswers lastYear;

    LedgerController(Ledgers ledgers, LedgerEvidence ledgerEvidence, EntryComments entryComments, EntryRevisions entryRevisions,
            LedgerSubmissions submissions, AnswerQualityWarnings qualityWarnings, Templates templates, Units units,
            org.springframework.context.MessageSource messages, LedgerFigures ledgerFigures, Accounts accounts, SignOffs signOffs,
            LedgerContradictions contradictions, LastYearAnswers lastYear, OfficialCopyFacts officialCopies) {
        this.ledgers = ledgers;
        this.ledgerEvidence = ledgerEvidence;
        this.entryComments = entryComments;
        this.entryRevisions = entryRevisions;
        this.submissions = submissions;
        this.qualityWarnings = qualityWarnings;
        this.templates = templates;
        this.units = units;
        this.messages = messages;
        this.ledgerFigures = ledgerFigures;
        this.accounts = accounts;
        this.signOffs = signOffs;
        this.contradictions = contradictions;
        this.lastYear = lastYear;
        this.officialCopies = officialCopies;
    }

    // --- one ledger

    @GetMapping("/ledgers/{id}")
    String ledger(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var ledger = ledgers.readable(me, id);
        fillLedger(me, ledger, model);
        return "ledger/ledger";
    }

    private void fillLedger(AccountPrincipal me, Ledger ledger, Model model) {
        var round = ledgers.round(ledger.roundId());
        var template = templates.get(round.templateId());
        var entries = ledgers.entries(ledger.id()).stream()
                .collect(Collectors.toMap(LedgerEntry::requirementId, Function.identity()));
        model.addAttribute("ledger", ledger);
        model.addAttribute("round", round);
        model.addAttribute("unit", units.get(ledger.unitId()));
        model.addAttribute("template", template);
        model.addAttribute("rows", template.rows());
        model.addAttribute("entries", entries);
        addNames(model, entries.values().stream().map(LedgerEntry::updatedBy));
        model.addAttribute("filled", entries.values().stream().filter(LedgerEntry::complete).count());
        model.addAttribute("firstEmpty", template.rows().stream().map(r -> entries.get(r.requirement().id()))
                .filter(e -> !e.complete()).findFirst().map(LedgerEntry::requirementId).orElse(null));
        model.addAttribute("editable", ledgers.editableBy(me, ledger));
        var actions = ledgers.actionsFor(me, ledger);
        model.addAttribute("actions", actions);
        model.addAttribute("sealMissing", actions.contains(LedgerAction.SIGN_OFF) && ledgers.signsOffWithoutSeal(ledger));
        model.addAttribute("asksSecondFactor", actions.contains(LedgerAction.SIGN_OFF) && signOffs.asksSecondFactor(me));
        model.addAttribute("transitions", ledgers.transitions(ledger.id()));
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("overdue", ledgers.overdue(ledger, round));
        model.addAttribute("commentCounts", entryComments.commentCounts(ledger.id()));
        model.addAttribute("sealId", ledgers.sealOf(ledger.id()).orElse(null));
        model.addAttribute("officialCopy", officialCopies.of(List.of(ledger.id())).get(ledger.id()));
        var shownFigures = ledgerFigures.shown(ledger); // frozen at sign-off for a signed ledger
        var confidential = ledgerFigures.confidential(me, List.of(ledger.unitId()), round.year()).get(ledger.unitId());
        var figures = LedgerFigures.attach(LedgerFigures.withConfidential(shownFigures, confidential), template);
        model.addAttribute("figures", figures);
        model.addAttribute("unattachedFigures", figures.getOrDefault(null, List.of()));
        // Contradictions are shown to every reader; the approver acknowledges them before signing off.
        var shownContradictions = contradictions.shown(ledger, shownFigures);
        model.addAttribute("contradictions", shownContradictions.stream().collect(Collectors.groupingBy(LedgerContradictions.Shown::requirementId)));
        model.addAttribute("contradictionCount", shownContradictions.size());
        model.addAttribute("unacknowledged", shownContradictions.stream().filter(c -> !c.acknowledged()).count());
        model.addAttribute("contradictionsSigned", ledger.state().signed());
        model.addAttribute("acknowledging", actions.contains(LedgerAction.SIGN_OFF));
        model.addAttribute("lastYear", lastYear.of(ledger, template));
        model.addAttribute("drift", ledgerFigures.drift(ledger, template));
        model.addAttribute("returned", submissions.returned(ledger).orElse(null));
        model.addAttribute("comparison", submissions.compare(ledger, null, null, cityReader(me)).orElse(null));
        if (!model.containsAttribute("header")) {
            model.addAttribute("header", new HeaderForm(ledger.contactPerson(), ledger.contactPhone(), ledger.version()));
        }
    }

    /** The answer-quality warnings of a ledger, as the city's dashboard links to them. */
    @GetMapping("/ledgers/{id}/quality")
    String quality(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var ledger = ledgers.readable(me, id);
        model.addAttribute("warnings", ledgers.qualityWarnings(me, id));
        fillLedger(me, ledger, model);
        return "ledger/ledger";
    }

    record HeaderForm(String contactPerson, String contactPhone, int version) {
    }

    @PostMapping("/ledgers/{id}/header")
    String saveHeader(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @ModelAttribute("header") HeaderForm header, BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            ledgers.saveHeader(me, id, header.version(), header.contactPerson(), header.contactPhone());
            redirect.addFlashAttribute("success", "ledger.header-saved");
            return "redirect:/ledgers/" + id;
        }
        catch (RuleViolation violation) {
            violation.addTo(errors);
        }
        catch (EditConflictException conflict) {
            errors.reject("ledger.error.conflict");
        }
        fillLedger(me, ledgers.readable(me, id), model);
        return "ledger/ledger";
    }

    /**
     * Autosave of one entry (htmx). Answers with the save state and the new version; a stale version
     * answers 409 with both versions side by side; invalid input answers 422. The text being typed is
     * never replaced.
     */
    @HxRequest
    @PostMapping("/ledgers/{id}/entries/{requirementId}")
    String saveEntry(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @Valid @ModelAttribute EntryDraft draft, BindingResult errors, Model model, HttpServletResponse response,
            java.util.Locale locale) {
        if (errors.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("message", errors.getAllErrors().get(0).getDefaultMessage());
            return "ledger/ledger :: entry-invalid";
        }
        try {
            model.addAttribute("entry", ledgers.saveEntry(me, id, requirementId, draft));
            return "ledger/ledger :: entry-saved";
        }
        catch (EntryConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("entry", conflict.theirs());
            addNames(model, java.util.stream.Stream.of(conflict.theirs().updatedBy()));
            model.addAttribute("mine", conflict.mine());
            return "ledger/ledger :: entry-conflict";
        }
        catch (RuleViolation violation) {
            response.setStatus(422);
            model.addAttribute("message", messages.getMessage(violation.messageKey(), violation.arguments(), locale));
            return "ledger/ledger :: entry-invalid";
        }
    }

    /** Without JavaScript the entry form posts normally: save and come back to the ledger. */
    @PostMapping("/ledgers/{id}/entries/{requirementId}")
    String saveEntryWithoutScript(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @PathVariable long requirementId, @Valid @ModelAttribute EntryDraft draft, BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("failure", "ledger.error.text-too-long");
            return "redirect:/ledgers/" + id;
        }
        try {
            ledgers.saveEntry(me, id, requirementId, draft);
            redirect.addFlashAttribute("success", "ledger.entry-saved");
            return "redirect:/ledgers/" + id;
        }
        catch (EntryConflictException conflict) {
            redirect.addFlashAttribute("failure", "ledger.error.conflict");
            return "redirect:/ledgers/" + id + "/entries/" + requirementId;
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            return "redirect:/ledgers/" + id + "#entry-" + requirementId;
        }
    }

    /** One entry: the requirement, the current text, every saved version with a diff, and the comments. */
    @GetMapping("/ledgers/{id}/entries/{requirementId}")
    String entry(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to, Model model) {
        var ledger = ledgers.readable(me, id);
        var round = ledgers.round(ledger.roundId());
        var row = templates.get(round.templateId()).rows().stream().filter(r -> r.requirement().id() == requirementId)
                .findFirst().orElseThrow(() -> new LedgerNotFoundException("requirement " + requirementId));
        var revisions = entryRevisions.history(me, id, requirementId);
        var submitted = LedgerSubmissions.submittedVersions(revisions, submissions.submissions(id));
        var newest = revisions.isEmpty() ? 0 : revisions.get(revisions.size() - 1).version();
        int right = to == null ? newest : to;
        // By default against the version last submitted before this one, not the previous autosave.
        int left = from != null ? from
                : submitted.keySet().stream().filter(v -> v < right).reduce((a, b) -> b).orElse(Math.max(0, right - 1));
        var textOf = revisions.stream().collect(Collectors.toMap(EntryHistory.Revision::version,
                EntryHistory.Revision::text));
        model.addAttribute("ledger", ledger);
        model.addAttribute("round", round);
        model.addAttribute("unit", units.get(ledger.unitId()));
        model.addAttribute("row", row);
        model.addAttribute("entry", ledgers.entryOf(id, requirementId));
        model.addAttribute("revisions", revisions);
        addNames(model, java.util.stream.Stream.concat(revisions.stream().map(EntryHistory.Revision::savedBy),
                java.util.stream.Stream.of(ledgers.entryOf(id, requirementId).updatedBy())));
        model.addAttribute("submitted", submitted);
        model.addAttribute("from", left);
        model.addAttribute("to", right);
        model.addAttribute("diff", TextDiff.diff(textOf.getOrDefault(left, ""), textOf.getOrDefault(right, "")));
        model.addAttribute("comments", entryComments.comments(me, id, requirementId));
        model.addAttribute("evidence", ledgerEvidence.evidence(me, id, requirementId));
        model.addAttribute("editable", ledgers.editableBy(me, ledger));
        return "ledger/entry";
    }

    @PostMapping("/ledgers/{id}/entries/{requirementId}/evidence")
    String addEvidence(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) throws java.io.IOException {
        try {
            ledgerEvidence.addEvidence(me, id, requirementId, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("success", "ledger.evidence.added");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:/ledgers/" + id + "/entries/" + requirementId + "#evidence";
    }

    @PostMapping("/ledgers/{id}/entries/{requirementId}/evidence/{evidenceId}/delete")
    String removeEvidence(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @PathVariable long evidenceId, RedirectAttributes redirect) {
        ledgerEvidence.removeEvidence(me, id, requirementId, evidenceId);
        redirect.addFlashAttribute("success", "ledger.evidence.removed");
        return "redirect:/ledgers/" + id + "/entries/" + requirementId + "#evidence";
    }

    @GetMapping("/ledgers/{id}/entries/{requirementId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> downloadEvidence(@AuthenticationPrincipal AccountPrincipal me,
            @PathVariable long id, @PathVariable long requirementId, @PathVariable long evidenceId) {
        var file = ledgerEvidence.download(me, id, requirementId, evidenceId);
        return FileDownloads.attachment(file.fileName(), file.contentType(), file.content());
    }

    @PostMapping("/ledgers/{id}/entries/{requirementId}/comments")
    String comment(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @RequestParam(required = false) String body, RedirectAttributes redirect) {
        try {
            entryComments.comment(me, id, requirementId, body);
            redirect.addFlashAttribute("success", "ledger.comment-added");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:/ledgers/" + id + "/entries/" + requirementId + "#comments";
    }

    @PostMapping("/ledgers/{id}/{step}")
    String move(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable String step,
            @RequestParam int version, @RequestParam(required = false) String comment,
            @RequestParam(defaultValue = "false") boolean acknowledged, @RequestParam(required = false) String password,
            @RequestParam(required = false) String secondFactorCode,
            RedirectAttributes redirect) {
        var action = java.util.Arrays.stream(LedgerAction.values()).filter(a -> a.path().equals(step)).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("step " + step));
        try {
            // Only for one who may submit now: anyone else is refused by move() below, not told about gaps.
            if (action == LedgerAction.SUBMIT && !acknowledged && ledgers.actionsFor(me, ledgers.readable(me, id)).contains(action)) {
                // Gaps block; then the reporter confirms, with the warnings (which do not block) beside the question:
                // the question comes only once the ledger is complete.
                ledgers.checkComplete(ledgers.readable(me, id));
                redirect.addFlashAttribute("confirmSubmit", true);
                redirect.addFlashAttribute("warnings", ledgers.qualityWarnings(me, id));
                return "redirect:/ledgers/" + id + "#confirm-submit";
            }
            if (action == LedgerAction.SIGN_OFF) {
                signOffs.signOff(me, id, version, comment, password, secondFactorCode);
            }
            else {
                ledgers.move(me, id, version, action, comment);
            }
            redirect.addFlashAttribute("success", "ledger.moved." + action.name());
        }
        catch (LedgerIncompleteException incomplete) {
            redirect.addFlashAttribute("failure", "ledger.error.incomplete");
            redirect.addFlashAttribute("gaps", incomplete.gaps());
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            if (violation.arguments().length > 0) {
                redirect.addFlashAttribute("failureArguments", violation.arguments());
            }
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "ledger.error.conflict");
        }
        return "redirect:/ledgers/" + id;
    }

    /** The approver acknowledges one contradiction with a note, while the ledger waits for their sign-off. */
    @PostMapping("/ledgers/{id}/contradictions/{fingerprint}/acknowledge")
    String acknowledge(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable String fingerprint,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            contradictions.acknowledge(me, id, fingerprint, note);
            redirect.addFlashAttribute("success", "ledger.contradiction.acknowledged-saved");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:/ledgers/" + id + "#contradictions";
    }

    // --- helpers

    static void requireCityReader(AccountPrincipal me) {
        if (!cityReader(me)) {
            throw new AccessDeniedException("city staff only");
        }
    }

    static boolean cityReader(AccountPrincipal me) {
        return me.role() == Role.CITY_ADMIN || me.role() == Role.SUPERVISOR;
    }

    /** Who saved what is recorded by username; pages show the person's name, as everywhere else. */
    private void addNames(Model model, java.util.stream.Stream<String> usernames) {
        model.addAttribute("names", accounts.displayNames(usernames.filter(java.util.Objects::nonNull).collect(Collectors.toSet())));
    }
}
