package org.jianfu.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.FormSteps;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Semester;
import org.jianfu.platform.Years;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.UnitType;
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

/** The register of collections: its list, the registration form, a collection's page and the arrangement steps. */
@Controller
class CollectionController {

    private final CollectionRegister register;
    private final FieldDictionary dictionary;
    private final CollectionChecks checks;
    private final Clock clock;

    CollectionController(CollectionRegister register, FieldDictionary dictionary, CollectionChecks checks, Clock clock) {
        this.register = register;
        this.clock = clock;
        this.dictionary = dictionary;
        this.checks = checks;
    }

    /** The collections, filtered, a page at a time, with how many each state holds; {@code waiting} those waiting for this person. */
    @GetMapping("/collections")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) CollectionState state, @RequestParam(required = false) CollectionKind kind,
            @RequestParam(defaultValue = "false") boolean waiting, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long district, @RequestParam(defaultValue = "false") boolean teacherSurveys,
            @RequestParam(defaultValue = "false") boolean caught, @RequestParam(required = false) SourceSystem held,
            @RequestParam(required = false) Long issuedTo, HttpServletRequest request, Model model) {
        var rows = new FiguresRepository.Rows(teacherSurveys, caught, held, issuedTo);
        var shown = register.list(me, year == null ? null : Years.checked(year), state, kind, waiting, district, rows, page);
        // a ledger figure's rows: the list says whose and which, and keeps them through the filters
        model.addAttribute("district", district == null ? null : register.unit(district));
        model.addAttribute("rows", rows);
        model.addAttribute("issuedTo", issuedTo == null ? null : register.unit(issuedTo));
        model.addAttribute("collections", shown.page().rows());
        model.addAttribute("requesters", register.unitNames(
                shown.page().rows().stream().map(CollectionRepository.Row::requestingUnitId).toList()));
        shown.addTo(model, request);
        model.addAttribute("waiting", waiting);
        model.addAttribute("year", year);
        model.addAttribute("state", state);
        model.addAttribute("kind", kind);
        model.addAttribute("states", CollectionState.values());
        model.addAttribute("kinds", CollectionKind.values());
        model.addAttribute("canRegister", CollectionRegister.REGISTRANTS.contains(me.role()));
        model.addAttribute("cityAdmin", me.role() == Role.CITY_ADMIN);
        // the arranging commissions' readers export their arranged list and their schools' calendars
        var own = register.unit(me.unitId());
        if (me.role() != Role.DEPARTMENT_USER && (own.type() == UnitType.DISTRICT || own.type() == UnitType.CITY)) {
            var today = LocalDate.now(clock);
            model.addAttribute("commission", own.id());
            model.addAttribute("terms", Semester.touchedBy(today.minusYears(1), today.plusYears(1)));
            model.addAttribute("currentTerm", Semester.of(today).code());
            model.addAttribute("noSchools", List.of());
        }
        return "collection/list";
    }

    @GetMapping("/collections/new")
    String newCollection(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        requireRegistrant(me);
        model.addAttribute("form", CollectionForm.blank());
        return form(me, null, model);
    }

    @PostMapping("/collections")
    String registerCollection(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") CollectionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        requireRegistrant(me);
        if (!errors.hasErrors()) {
            try {
                var collection = register.register(me, form);
                redirect.addFlashAttribute("success", "collection.registered");
                return "redirect:/collections/" + collection.id();
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
        }
        return form(me, null, model);
    }

    @GetMapping("/collections/{id}/edit")
    String edit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var collection = editable(me, id);
        model.addAttribute("form", CollectionForm.of(collection));
        return form(me, collection, model);
    }

    @PostMapping("/collections/{id}")
    String save(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @Valid @ModelAttribute("form") CollectionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var collection = editable(me, id);
        if (!errors.hasErrors()) {
            try {
                register.edit(me, id, form);
                redirect.addFlashAttribute("success", "collection.saved");
                return "redirect:/collections/" + id;
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
            catch (EditConflictException conflict) {
                errors.reject("collection.error.conflict");
            }
        }
        return form(me, collection, model);
    }

    /** A collection this person may correct now; refused before any input is judged. */
    private DataCollection editable(AccountPrincipal me, long id) {
        var collection = register.readable(me, id);
        if (!register.editableBy(me, collection)) {
            throw new AccessDeniedException("not editable by " + me.username());
        }
        return collection;
    }

    private String form(AccountPrincipal me, DataCollection collection, Model model) {
        model.addAttribute("registered", collection);
        model.addAttribute("arranger", register.arrangerOf(register.unit(me.unitId())));
        model.addAttribute("kinds", CollectionKind.values());
        model.addAttribute("respondents", Respondent.values());
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute("stages", SchoolStage.values());
        model.addAttribute("fieldsBySource", bySource(dictionary.inUse()));
        // a form whose fields could not be read at all (a date of letters) is null
        var form = (CollectionForm) model.getAttribute("form");
        model.addAttribute("chosenSchools", register.chosenUnits(me, form == null ? List.of() : form.schoolIdsOrEmpty()));
        return "collection/form";
    }

    static Map<SourceSystem, List<DictionaryField>> bySource(List<DictionaryField> fields) {
        return fields.stream().collect(Collectors.groupingBy(DictionaryField::source, LinkedHashMap::new, Collectors.toList()));
    }

    @GetMapping("/collections/{id}")
    String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var collection = register.readable(me, id);
        model.addAttribute("registered", collection);
        model.addAttribute("requester", register.unit(collection.requestingUnitId()));
        model.addAttribute("arranger", register.unit(collection.arrangingUnitId()));
        model.addAttribute("schools", register.unitNames(collection.schoolIds()));
        model.addAttribute("steps", register.steps(collection));
        model.addAttribute("checked", checks.check(me, collection));
        model.addAttribute("editable", register.editableBy(me, collection));
        model.addAttribute("preparable", register.preparableBy(me, collection));
        var mappable = register.mappableBy(me, collection);
        model.addAttribute("mappable", mappable);
        var decidable = register.decidableBy(me, collection);
        model.addAttribute("decidable", decidable);
        if (mappable) {
            model.addAttribute("fieldsBySource", bySource(dictionary.inUse()));
        }
        if (decidable) {
            model.addAttribute("mergeTargets", register.mergeTargets(collection));
            if (collection.teacherSurvey()) {
                model.addAttribute("teacherSurveys", register.teacherSurveyFigures(collection));
            }
        }
        if (collection.mergedIntoId() != null) {
            model.addAttribute("mergedInto", register.mergedInto(me, collection));
        }
        return "collection/show";
    }

    @PostMapping("/collections/{id}/fields/{fieldId}")
    String mapField(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long fieldId,
            @RequestParam int version, @RequestParam(required = false) Long dictionaryFieldId, RedirectAttributes redirect) {
        return step(id, redirect, "collection.field.mapped", () -> register.mapField(me, id, version, fieldId, dictionaryFieldId));
    }

    @PostMapping("/collections/{id}/prepare")
    String prepare(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return step(id, redirect, "collection.prepared", () -> register.prepare(me, id, version, note));
    }

    @PostMapping("/collections/{id}/decide")
    String decide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam int version,
            @RequestParam CollectionRegister.Decision decision, @RequestParam(required = false) Long mergeIntoId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(id, redirect, "collection.decided." + decision.name(),
                () -> register.decide(me, id, version, decision, mergeIntoId, reason));
    }

    /** Takes one step on the collection's page and goes back to it, with what came of it. */
    private static String step(long id, RedirectAttributes redirect, String success, Runnable action) {
        FormSteps.attempt(redirect, success, "collection.error.conflict", action);
        return "redirect:/collections/" + id;
    }

    private static void requireRegistrant(AccountPrincipal me) {
        if (!CollectionRegister.REGISTRANTS.contains(me.role())) {
            throw new AccessDeniedException("no collections for " + me.role());
        }
    }
}
