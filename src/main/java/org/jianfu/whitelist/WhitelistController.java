package org.jianfu.whitelist;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.SchoolStage;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Applications and their review, the caps, and the activities a school hosted: the signed-in side of the whitelist. */
@Controller
class WhitelistController {

    private final Whitelist whitelist;
    private final Applications applications;
    private final Clock clock;

    WhitelistController(Whitelist whitelist, Applications applications, Clock clock) {
        this.whitelist = whitelist;
        this.applications = applications;
        this.clock = clock;
    }

    // --- applications

    /**
     * The applications, filtered, a page at a time, with how many each state holds; {@code unit} keeps those filed with
     * that reviewing commission (a ledger figure's rows), {@code waiting} those waiting for this person.
     */
    @GetMapping("/whitelist/applications")
    String applications(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long unit,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) ApplicationState state,
            @RequestParam(required = false) Category category, @RequestParam(defaultValue = "false") boolean waiting,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        var shown = applications.list(me, unit, year == null ? null : Years.checked(year), state, category, waiting, page);
        model.addAttribute("reviewingUnit", unit == null ? null : whitelist.unit(unit));
        model.addAttribute("applications", shown.page().rows());
        shown.addTo(model, request);
        model.addAttribute("waiting", waiting);
        model.addAttribute("year", year);
        model.addAttribute("state", state);
        model.addAttribute("category", category);
        model.addAttribute("states", ApplicationState.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("canApply", Whitelist.APPLICANTS.contains(me.role()));
        model.addAttribute("cityAdmin", me.role() == Role.CITY_ADMIN);
        return "whitelist/applications";
    }

    @GetMapping("/whitelist/applications/new")
    String newApplication(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        requireApplicant(me);
        model.addAttribute("form", ApplicationForm.blank(LocalDate.now(clock).getYear()));
        return applicationForm(me, null, model);
    }

    @PostMapping("/whitelist/applications")
    String apply(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") ApplicationForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        requireApplicant(me);
        if (!errors.hasErrors()) {
            try {
                var application = whitelist.apply(me, form);
                redirect.addFlashAttribute(application.state() == ApplicationState.REFUSED ? "failure" : "success",
                        application.state() == ApplicationState.REFUSED ? "whitelist.refused-at-door" : "whitelist.submitted");
                return "redirect:/whitelist/applications/" + application.id();
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
        }
        return applicationForm(me, null, model);
    }

    @GetMapping("/whitelist/applications/{id}/edit")
    String edit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var application = editable(me, id);
        model.addAttribute("form", ApplicationForm.of(application));
        return applicationForm(me, application, model);
    }

    /** An application this person may correct now; refused before any input is judged. */
    private WhitelistApplication editable(AccountPrincipal me, long id) {
        var application = whitelist.readable(me, id);
        if (!whitelist.editableBy(me, application)) {
            throw new AccessDeniedException("not returned to " + me.username());
        }
        return application;
    }

    @PostMapping("/whitelist/applications/{id}")
    String resubmit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var application = editable(me, id);
        if (!errors.hasErrors()) {
            try {
                var after = whitelist.resubmit(me, id, form);
                redirect.addFlashAttribute(after.state() == ApplicationState.REFUSED ? "failure" : "success",
                        after.state() == ApplicationState.REFUSED ? "whitelist.refused-at-door" : "whitelist.submitted");
                return "redirect:/whitelist/applications/" + id;
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
            catch (EditConflictException conflict) {
                errors.reject("whitelist.error.conflict");
            }
        }
        return applicationForm(me, application, model);
    }

    private String applicationForm(AccountPrincipal me, WhitelistApplication application, Model model) {
        model.addAttribute("applied", application);
        model.addAttribute("level", whitelist.levelFor(me));
        model.addAttribute("categories", Category.values());
        model.addAttribute("activityForms", ActivityForm.values());
        model.addAttribute("scopeStages", List.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR, SchoolStage.SENIOR));
        // a form whose fields could not be read at all (a year of letters) is null
        var form = (ApplicationForm) model.getAttribute("form");
        model.addAttribute("chosenSchools", whitelist.chosenSchools(me, form == null ? List.of() : form.schoolIdsOrEmpty()));
        model.addAttribute("bannedDemands", BannedDemand.values());
        return "whitelist/application-form";
    }

    @GetMapping("/whitelist/applications/{id}")
    String application(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var application = whitelist.readable(me, id);
        model.addAttribute("applied", application);
        model.addAttribute("applicant", whitelist.unit(application.applicantUnitId()));
        model.addAttribute("reviewer", whitelist.unit(application.reviewingUnitId()));
        model.addAttribute("schools", whitelist.namedSchools(application));
        model.addAttribute("reviewable", whitelist.reviewableBy(me, application));
        model.addAttribute("editable", whitelist.editableBy(me, application));
        return "whitelist/application";
    }

    @PostMapping("/whitelist/applications/{id}/review")
    String review(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam int version,
            @RequestParam Whitelist.Decision decision, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            whitelist.review(me, id, version, decision, reason);
            redirect.addFlashAttribute("success", "whitelist.reviewed." + decision.name());
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("refusal", violation.messageKey());
            redirect.addFlashAttribute("refusalArguments", violation.arguments());
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "whitelist.error.conflict");
        }
        return "redirect:/whitelist/applications/" + id;
    }

    private static void requireApplicant(AccountPrincipal me) {
        if (!Whitelist.APPLICANTS.contains(me.role())) {
            throw new AccessDeniedException("no applications for " + me.role());
        }
    }

    // --- caps

    record CapsForm(int yearlyTotal, int schoolSemester, int version) {
    }

    @GetMapping("/whitelist/settings")
    String settings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        requireCityAdmin(me);
        var caps = whitelist.caps();
        model.addAttribute("caps", caps);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CapsForm(caps.yearlyTotal(), caps.schoolSemester(), caps.version()));
        }
        return "whitelist/settings";
    }

    @PostMapping("/whitelist/settings")
    String changeSettings(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") CapsForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        requireCityAdmin(me);
        if (!errors.hasErrors()) {
            try {
                whitelist.changeCaps(me, form.version(), form.yearlyTotal(), form.schoolSemester());
                redirect.addFlashAttribute("success", "whitelist.caps.saved");
                return "redirect:/whitelist/settings";
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
            catch (EditConflictException conflict) {
                errors.reject("whitelist.error.conflict");
            }
        }
        model.addAttribute("caps", whitelist.caps());
        return "whitelist/settings";
    }

    private static void requireCityAdmin(AccountPrincipal me) {
        if (me.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("city admins only");
        }
    }

    // --- hosted activities

    @GetMapping("/whitelist/hosted")
    String hosted(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String code, Model model) {
        requireSchool(me);
        model.addAttribute("hosted", whitelist.hostedBy(me));
        model.addAttribute("toConfirm", whitelist.toConfirm(me));
        model.addAttribute("code", code);
        model.addAttribute("today", LocalDate.now(clock));
        return "whitelist/hosted";
    }

    @PostMapping("/whitelist/hosted")
    String recordHosted(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate hostedOn,
            RedirectAttributes redirect) {
        requireSchool(me);
        try {
            whitelist.recordHosted(me, code, hostedOn);
            redirect.addFlashAttribute("success", "whitelist.hosted.recorded");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("refusal", violation.messageKey());
            redirect.addFlashAttribute("refusalArguments", violation.arguments());
            redirect.addAttribute("code", code);
        }
        return "redirect:/whitelist/hosted";
    }

    private static void requireSchool(AccountPrincipal me) {
        if (me.role() != Role.SCHOOL_USER) {
            throw new AccessDeniedException("schools only");
        }
    }
}
