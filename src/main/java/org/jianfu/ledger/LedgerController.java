package org.jianfu.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.FileDownloads;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
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

/** Rounds for the city, ledgers for everyone who may read them, and the steps of the cycle. */
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
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final List<RegisterFigures> registerFigures;
    private final Chases chases;

    LedgerController(Ledgers ledgers, LedgerEvidence ledgerEvidence, EntryComments entryComments, EntryRevisions entryRevisions,
            LedgerSubmissions submissions, AnswerQualityWarnings qualityWarnings, Templates templates, Units units, Clock clock,
            org.springframework.context.MessageSource messages, List<RegisterFigures> registerFigures, Chases chases) {
        this.ledgers = ledgers;
        this.ledgerEvidence = ledgerEvidence;
        this.entryComments = entryComments;
        this.entryRevisions = entryRevisions;
        this.submissions = submissions;
        this.qualityWarnings = qualityWarnings;
        this.templates = templates;
        this.units = units;
        this.clock = clock;
        this.messages = messages;
        this.registerFigures = registerFigures;
        this.chases = chases;
    }

    // --- overview

    @GetMapping("/ledger")
    String index(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        switch (me.role()) {
            case CITY_ADMIN, SUPERVISOR -> model.addAttribute("rounds", ledgers.rounds());
            case DISTRICT_REPORTER, DISTRICT_APPROVER -> model.addAttribute("mine", ledgers.ledgersOf(me));
            default -> throw new AccessDeniedException("no ledgers for " + me.role());
        }
        return "ledger/index";
    }

    // --- rounds

    @GetMapping("/ledger/rounds/new")
    String newRound(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        Templates.requireCityAdmin(me);
        var year = LocalDate.now(clock).getYear();
        var template = templates.list().get(0);
        model.addAttribute("form", new RoundForm(template.id(), year, year + "年中小学教师减负工作任务台账填报",
                LocalDate.now(clock).plusDays(30), ledgers.districtsOf(me).stream().map(Unit::id).toList()));
        return roundForm(me, model);
    }

    @PostMapping("/ledger/rounds")
    String openRound(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") RoundForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Templates.requireCityAdmin(me);
        if (!errors.hasErrors()) {
            try {
                var round = ledgers.openRound(me, form.templateId(), form.year(), form.title(), form.deadline(), form.unitIds());
                redirect.addFlashAttribute("success", "ledger.round-opened");
                return "redirect:/ledger/rounds/" + round.id();
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
        }
        return roundForm(me, model);
    }

    private String roundForm(AccountPrincipal me, Model model) {
        model.addAttribute("templates", templates.list());
        model.addAttribute("districts", ledgers.districtsOf(me));
        return "ledger/round-form";
    }

    @PostMapping("/ledger/rounds/{id}/close")
    String closeRound(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam int version,
            RedirectAttributes redirect) {
        try {
            ledgers.closeRound(me, id, version);
            redirect.addFlashAttribute("success", "ledger.round-closed");
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "ledger.error.conflict");
        }
        return "redirect:/ledger/rounds/" + id;
    }

    static final int DASHBOARD_PAGE = 100;
    static final int ANSWERS_PAGE = 50;

    @GetMapping("/ledger/rounds/{id}")
    String dashboard(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Integer matter, @RequestParam(defaultValue = "0") int page, Model model) {
        requireCityReader(me);
        var round = ledgers.round(id);
        var template = templates.get(round.templateId());
        var unitsById = units.subtree(me.unitId()).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        var visible = ledgers.ledgersOfRound(id).stream().filter(l -> unitsById.containsKey(l.unitId())).toList();
        var columns = template.rows().stream()
                .filter(r -> matter == null || r.matter().position() == matter)
                .toList();
        var counts = new EnumMap<LedgerProgress, Integer>(LedgerProgress.class);
        for (var s : LedgerProgress.values()) {
            counts.put(s, 0);
        }
        var sorted = visible.stream()
                .sorted(Comparator.comparing((Ledger l) -> unitsById.get(l.unitId()), Unit.OFFICIAL_ORDER))
                .toList();
        sorted.forEach(l -> counts.merge(l.progress(), 1, Integer::sum));
        // Counts cover every unit; the matrix shows one page of units at a time (a country has thousands).
        var shown = pageWithin(page, sorted.size(), DASHBOARD_PAGE);
        var first = shown * DASHBOARD_PAGE;
        var pageLedgers = sorted.subList(first, Math.min(sorted.size(), first + DASHBOARD_PAGE));
        Map<Long, Map<Integer, EntryStatus>> matrix = new HashMap<>();
        for (var cell : ledgers.statusMatrix(pageLedgers.stream().map(Ledger::id).toList())) {
            matrix.computeIfAbsent(cell.ledgerId(), k -> new HashMap<>()).put(cell.number(), cell.status());
        }
        var lastChased = chases.lastChased(id);
        var pageRows = pageLedgers.stream()
                .map(l -> new DashboardRow(l, unitsById.get(l.unitId()), ledgers.overdue(l, round), ledgers.late(l, round),
                        matrix.getOrDefault(l.id(), Map.of()), remindable(l, round, lastChased), lastChased.get(l.id())))
                .toList();
        model.addAttribute("due", sorted.stream().filter(l -> remindable(l, round, lastChased)).count());
        model.addAttribute("pageRows", pageRows);
        model.addAttribute("page", shown);
        model.addAttribute("pages", (sorted.size() + DASHBOARD_PAGE - 1) / DASHBOARD_PAGE);
        model.addAttribute("onTime", sorted.stream().filter(l -> l.submittedAt() != null && !ledgers.late(l, round)).count());
        model.addAttribute("late", sorted.stream().filter(l -> ledgers.late(l, round)).count());
        model.addAttribute("overdue", sorted.stream().filter(l -> ledgers.overdue(l, round)).count());
        model.addAttribute("flags", qualityWarnings.flagCounts(id));
        model.addAttribute("round", round);
        model.addAttribute("template", template);
        model.addAttribute("columns", columns);
        model.addAttribute("counts", counts);
        model.addAttribute("matter", matter);
        model.addAttribute("cityAdmin", me.role() == Role.CITY_ADMIN);
        return "ledger/dashboard";
    }

    record DashboardRow(Ledger ledger, Unit unit, boolean overdue, boolean late,
            Map<Integer, EntryStatus> statuses, boolean due, java.time.Instant lastChased) {
    }

    /** A unit the dashboard offers to remind: due, and not reminded today already. */
    private boolean remindable(Ledger ledger, LedgerRound round, Map<Long, java.time.Instant> lastChased) {
        return chases.due(ledger, round) && !chases.today(lastChased.get(ledger.id()));
    }

    /** The city reminds (催报) one unit, or every unit not started or overdue; the outcome is shown on the dashboard. */
    @PostMapping("/ledger/rounds/{id}/chase")
    String chase(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Long ledger,
            RedirectAttributes redirect, java.util.Locale locale) {
        try {
            var outcome = chases.chase(me, id, ledger);
            redirect.addFlashAttribute("chaseSent", messages.getMessage("ledger.chase.sent",
                    new Object[] { outcome.chased().size(), String.join("、", outcome.chased()) }, locale));
            if (!outcome.skipped().isEmpty()) {
                redirect.addFlashAttribute("chaseSkipped", messages.getMessage("ledger.chase.skipped",
                        new Object[] { outcome.skipped().size(), String.join("、", outcome.skipped()) }, locale));
            }
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("chaseRefused", messages.getMessage(violation.messageKey(), violation.arguments(), locale));
        }
        return "redirect:/ledger/rounds/" + id;
    }

    @GetMapping("/ledger/rounds/{id}/requirements/{number}")
    String sideBySide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable int number,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean hideEmpty,
            @RequestParam(defaultValue = "false") boolean flagged, Model model) {
        requireCityReader(me);
        var round = ledgers.round(id);
        var template = templates.get(round.templateId());
        var row = template.rows().stream().filter(r -> r.requirement().number() == number).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("requirement " + number));
        var ledgersById = ledgers.ledgersOfRound(id).stream().collect(Collectors.toMap(Ledger::id, Function.identity()));
        var unitsById = units.subtree(me.unitId()).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        var visibleLedgers = ledgersById.values().stream().filter(l -> unitsById.containsKey(l.unitId()))
                .sorted(Comparator.comparing((Ledger l) -> unitsById.get(l.unitId()), Unit.OFFICIAL_ORDER))
                .toList();
        var entries = ledgers.entriesOfRequirement(visibleLedgers.stream().map(Ledger::id).toList(), row.requirement().id()).stream()
                .collect(Collectors.toMap(LedgerEntry::ledgerId, Function.identity()));
        var flags = qualityWarnings.flagsOfRequirement(id, row.requirement().id());
        // The filters pick units before the paging, so a page is full of what was asked for.
        var filtered = visibleLedgers.stream()
                .filter(l -> !hideEmpty || entries.get(l.id()).status() != null || !entries.get(l.id()).text().isBlank())
                .filter(l -> !flagged || flags.containsKey(entries.get(l.id()).id()))
                .map(l -> new Answer(unitsById.get(l.unitId()), l, entries.get(l.id()), flags.getOrDefault(entries.get(l.id()).id(), List.of())))
                .toList();
        var shown = pageWithin(page, filtered.size(), ANSWERS_PAGE);
        var first = shown * ANSWERS_PAGE;
        var answers = filtered.subList(first, Math.min(filtered.size(), first + ANSWERS_PAGE));
        model.addAttribute("hideEmpty", hideEmpty);
        model.addAttribute("flagged", flagged);
        model.addAttribute("shownCount", filtered.size());
        model.addAttribute("totalCount", visibleLedgers.size());
        model.addAttribute("page", shown);
        model.addAttribute("pages", (filtered.size() + ANSWERS_PAGE - 1) / ANSWERS_PAGE);
        model.addAttribute("round", round);
        model.addAttribute("row", row);
        model.addAttribute("answers", answers);
        model.addAttribute("numbers", template.requirements().stream().map(LedgerTemplate.Requirement::number).toList());
        return "ledger/requirement";
    }

    record Answer(Unit unit, Ledger ledger, LedgerEntry entry, List<AnswerQuality.Flag> flags) {
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
        model.addAttribute("filled", entries.values().stream().filter(LedgerEntry::complete).count());
        model.addAttribute("firstEmpty", template.rows().stream().map(r -> entries.get(r.requirement().id()))
                .filter(e -> !e.complete()).findFirst().map(LedgerEntry::requirementId).orElse(null));
        model.addAttribute("editable", ledgers.editableBy(me, ledger));
        var actions = ledgers.actionsFor(me, ledger);
        model.addAttribute("actions", actions);
        model.addAttribute("sealMissing", actions.contains(LedgerAction.SIGN_OFF) && ledgers.signsOffWithoutSeal(ledger));
        model.addAttribute("transitions", ledgers.transitions(ledger.id()));
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("overdue", ledgers.overdue(ledger, round));
        model.addAttribute("commentCounts", entryComments.commentCounts(ledger.id()));
        model.addAttribute("sealId", ledgers.sealOf(ledger.id()).orElse(null));
        model.addAttribute("figures", registerFigures.stream()
                .flatMap(registers -> registers.figuresFor(ledger.unitId(), round.year()).stream())
                .collect(Collectors.groupingBy(RegisterFigures.Figure::requirementNumber)));
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
            @RequestParam(defaultValue = "false") boolean acknowledged, RedirectAttributes redirect) {
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
            ledgers.move(me, id, version, action, comment);
            redirect.addFlashAttribute("success", "ledger.moved." + action.name());
        }
        catch (LedgerIncompleteException incomplete) {
            redirect.addFlashAttribute("failure", "ledger.error.incomplete");
            redirect.addFlashAttribute("gaps", incomplete.gaps());
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "ledger.error.conflict");
        }
        return "redirect:/ledgers/" + id;
    }

    // --- helpers

    private static void requireCityReader(AccountPrincipal me) {
        if (!cityReader(me)) {
            throw new AccessDeniedException("city staff only");
        }
    }

    static boolean cityReader(AccountPrincipal me) {
        return me.role() == Role.CITY_ADMIN || me.role() == Role.SUPERVISOR;
    }

    /** The page asked for, moved into the pages there are: below the first shows the first, past the last the last. */
    private static int pageWithin(int page, int rows, int pageSize) {
        var last = Math.max(0, (rows + pageSize - 1) / pageSize - 1);
        return Math.min(Math.max(0, page), last);
    }
}
