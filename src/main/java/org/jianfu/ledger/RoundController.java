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

import jakarta.validation.Valid;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
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

/**
 * The city's side of the cycle: the ledger overview, opening and closing rounds, a round's dashboard with its
 * reminders (催报), and the side-by-side page of one requirement across units.
 */
@Controller
class RoundController {

    private final Ledgers ledgers;
    private final AnswerQualityWarnings qualityWarnings;
    private final Templates templates;
    private final Units units;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final Chases chases;
    private final LedgerContradictions contradictions;
    private final LedgerFigures ledgerFigures;

    RoundController(Ledgers ledgers, AnswerQualityWarnings qualityWarnings, Templates templates, Units units, Clock clock,
            org.springframework.context.MessageSource messages, Chases chases, LedgerContradictions contradictions,
            LedgerFigures ledgerFigures) {
        this.ledgers = ledgers;
        this.qualityWarnings = qualityWarnings;
        this.templates = templates;
        this.units = units;
        this.clock = clock;
        this.messages = messages;
        this.chases = chases;
        this.contradictions = contradictions;
        this.ledgerFigures = ledgerFigures;
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
            @RequestParam(required = false) Integer matter, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean contradicting, Model model) {
        LedgerController.requireCityReader(me);
        var round = ledgers.round(id);
        var template = templates.get(round.templateId());
        var ofRound = ledgers.ledgersOfRound(id);
        var unitsById = unitsOf(me, ofRound);
        var visible = ofRound.stream().filter(l -> unitsById.containsKey(l.unitId())).toList();
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
        var contradictionCounts = contradictions.keptCounts(id);
        // The filter picks units before the paging, so a page is full of what was asked for.
        var listed = contradicting ? sorted.stream().filter(l -> contradictionCounts.getOrDefault(l.id(), 0) > 0).toList() : sorted;
        // Counts cover every unit; the matrix shows one page of units at a time (a country has thousands).
        var shown = pageWithin(page, listed.size(), DASHBOARD_PAGE);
        var first = shown * DASHBOARD_PAGE;
        var pageLedgers = listed.subList(first, Math.min(listed.size(), first + DASHBOARD_PAGE));
        Map<Long, Map<Integer, EntryStatus>> matrix = new HashMap<>();
        for (var cell : ledgers.statusMatrix(pageLedgers.stream().map(Ledger::id).toList())) {
            matrix.computeIfAbsent(cell.ledgerId(), k -> new HashMap<>()).put(cell.number(), cell.status());
        }
        var lastChased = chases.lastChased(id);
        var pageRows = pageLedgers.stream()
                .map(l -> new DashboardRow(l, unitsById.get(l.unitId()), ledgers.overdue(l, round), ledgers.late(l, round),
                        matrix.getOrDefault(l.id(), Map.of()), remindable(l, round, lastChased), lastChased.get(l.id()),
                        contradictionCounts.getOrDefault(l.id(), 0)))
                .toList();
        model.addAttribute("due", sorted.stream().filter(l -> remindable(l, round, lastChased)).count());
        model.addAttribute("pageRows", pageRows);
        model.addAttribute("page", shown);
        model.addAttribute("pages", (listed.size() + DASHBOARD_PAGE - 1) / DASHBOARD_PAGE);
        model.addAttribute("contradicting", contradicting);
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
            Map<Integer, EntryStatus> statuses, boolean due, java.time.Instant lastChased, int contradictions) {
    }

    /** A unit the dashboard offers to remind: due, and not reminded today already. */
    private boolean remindable(Ledger ledger, LedgerRound round, Map<Long, java.time.Instant> lastChased) {
        return chases.due(ledger, round) && !chases.today(lastChased.get(ledger.id()));
    }

    /** The city reminds (催报) one unit, or every unit not started or overdue; the outcome is shown on the dashboard. */
    @PostMapping("/ledger/rounds/{id}/chase")
    String chase(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Long ledger,
            RedirectAttributes redirect, java.util.Locale locale) {
        var separator = messages.getMessage("text.list-separator", null, locale);
        try {
            var outcome = chases.chase(me, id, ledger);
            redirect.addFlashAttribute("chaseSent", messages.getMessage("ledger.chase.sent",
                    new Object[] { outcome.chased().size(), String.join(separator, outcome.chased()) }, locale));
            if (!outcome.skipped().isEmpty()) {
                redirect.addFlashAttribute("chaseSkipped", messages.getMessage("ledger.chase.skipped",
                        new Object[] { outcome.skipped().size(), String.join(separator, outcome.skipped()) }, locale));
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
        LedgerController.requireCityReader(me);
        var round = ledgers.round(id);
        var template = templates.get(round.templateId());
        var row = template.rows().stream().filter(r -> r.requirement().number() == number).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("requirement " + number));
        var ofRound = ledgers.ledgersOfRound(id);
        var unitsById = unitsOf(me, ofRound);
        var visibleLedgers = ofRound.stream().filter(l -> unitsById.containsKey(l.unitId()))
                .sorted(Comparator.comparing((Ledger l) -> unitsById.get(l.unitId()), Unit.OFFICIAL_ORDER))
                .toList();
        var entries = ledgers.entriesOfRequirement(visibleLedgers.stream().map(Ledger::id).toList(), row.requirement().id()).stream()
                .collect(Collectors.toMap(LedgerEntry::ledgerId, Function.identity()));
        var flags = qualityWarnings.flagsOfRequirement(id, row.requirement().id());
        // The filters pick units before the paging, so a page is full of what was asked for.
        var filtered = visibleLedgers.stream()
                .filter(l -> !hideEmpty || entries.get(l.id()).status() != null || !entries.get(l.id()).text().isBlank())
                .filter(l -> !flagged || flags.containsKey(entries.get(l.id()).id()))
                .toList();
        var shown = pageWithin(page, filtered.size(), ANSWERS_PAGE);
        var first = shown * ANSWERS_PAGE;
        var pageLedgers = filtered.subList(first, Math.min(filtered.size(), first + ANSWERS_PAGE));
        // The registers' figures only for the units on this page, each register asked once for them all, attached by code.
        var figures = ledgerFigures.shown(pageLedgers, round);
        var confidential = ledgerFigures.confidential(me, pageLedgers.stream().map(Ledger::unitId).distinct().toList(), round.year());
        var answers = pageLedgers.stream()
                .map(l -> new Answer(unitsById.get(l.unitId()), l, entries.get(l.id()), flags.getOrDefault(entries.get(l.id()).id(), List.of()),
                        LedgerFigures.attach(figures.get(l.id()), template).getOrDefault(row.requirement().id(), List.of()),
                        LedgerFigures.attach(confidential.get(l.unitId()), template).getOrDefault(row.requirement().id(), List.of())))
                .toList();
        model.addAttribute("hideEmpty", hideEmpty);
        model.addAttribute("flagged", flagged);
        model.addAttribute("shownCount", filtered.size());
        model.addAttribute("totalCount", visibleLedgers.size());
        model.addAttribute("page", shown);
        model.addAttribute("pages", (filtered.size() + ANSWERS_PAGE - 1) / ANSWERS_PAGE);
        model.addAttribute("round", round);
        model.addAttribute("row", row);
        model.addAttribute("answers", answers);
        // Checked against those same figures.
        model.addAttribute("contradictions", contradictions.onRequirement(answers.stream().map(Answer::ledger).toList(),
                row.requirement().id(), entries, answers.stream().collect(Collectors.toMap(a -> a.ledger().id(), Answer::figures))));
        model.addAttribute("numbers", template.requirements().stream().map(LedgerTemplate.Requirement::number).toList());
        return "ledger/requirement";
    }

    /**
     * One district's answer on the side-by-side page, with the register figures it is checked against and, apart, the figures
     * for this reader alone (never checked against the answer: see {@link ConfidentialFigures}).
     */
    record Answer(Unit unit, Ledger ledger, LedgerEntry entry, List<AnswerQuality.Flag> flags, List<RegisterFigures.Figure> figures,
            List<RegisterFigures.Figure> confidentialFigures) {
    }


    /**
     * The units of the round's ledgers that this reader may see, by id: read by their ids, not by walking the
     * reader's subtree (a country's holds some 200,000 schools besides the districts with ledgers).
     */
    private Map<Long, Unit> unitsOf(AccountPrincipal me, List<Ledger> ofRound) {
        return units.inScope(me, ofRound.stream().map(Ledger::unitId).toList());
    }

    /** The page asked for, moved into the pages there are: below the first shows the first, past the last the last. */
    private static int pageWithin(int page, int rows, int pageSize) {
        var last = Math.max(0, (rows + pageSize - 1) / pageSize - 1);
        return Math.min(Math.max(0, page), last);
    }
}
