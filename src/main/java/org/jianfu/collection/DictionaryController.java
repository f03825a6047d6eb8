package org.jianfu.collection;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListLinks;
import org.jianfu.platform.RuleViolation;
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

/** The field dictionary's pages and the register's settings (the yearly total of teacher surveys, the statistics departments). */
@Controller
class DictionaryController {

    private final FieldDictionary dictionary;
    private final CollectionLimits limits;
    private final CollectionRegister register;

    DictionaryController(FieldDictionary dictionary, CollectionLimits limits, CollectionRegister register) {
        this.dictionary = dictionary;
        this.limits = limits;
        this.register = register;
    }

    // --- the dictionary

    @GetMapping("/collections/dictionary")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "false") boolean retired,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        var shown = dictionary.page(me, retired, page);
        model.addAttribute("fields", shown.rows());
        model.addAttribute("shown", shown);
        model.addAttribute("links", ListLinks.of(request));
        model.addAttribute("retired", retired);
        model.addAttribute("keeper", me.role() == Role.CITY_ADMIN);
        return "collection/dictionary";
    }

    @GetMapping("/collections/dictionary/new")
    String newField(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        requireKeeper(me);
        model.addAttribute("form", DictionaryForm.blank());
        return form(null, model);
    }

    @PostMapping("/collections/dictionary")
    String add(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") DictionaryForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        requireKeeper(me);
        if (!errors.hasErrors()) {
            try {
                dictionary.add(me, form);
                redirect.addFlashAttribute("success", "collection.dictionary.added");
                return "redirect:/collections/dictionary";
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
        }
        return form(null, model);
    }

    @GetMapping("/collections/dictionary/{id}/edit")
    String edit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        requireKeeper(me);
        var field = dictionary.get(me, id);
        model.addAttribute("form", DictionaryForm.of(field));
        return form(field, model);
    }

    @PostMapping("/collections/dictionary/{id}")
    String change(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @Valid @ModelAttribute("form") DictionaryForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        requireKeeper(me);
        var field = dictionary.get(me, id);
        if (!errors.hasErrors()) {
            try {
                dictionary.change(me, id, form);
                redirect.addFlashAttribute("success", "collection.dictionary.saved");
                return "redirect:/collections/dictionary";
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
            catch (EditConflictException conflict) {
                errors.reject("collection.error.conflict");
            }
        }
        return form(field, model);
    }

    @PostMapping("/collections/dictionary/{id}/retire")
    String retire(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam int version,
            @RequestParam(defaultValue = "true") boolean retired, RedirectAttributes redirect) {
        requireKeeper(me);
        try {
            dictionary.retire(me, id, version, retired);
            redirect.addFlashAttribute("success", retired ? "collection.dictionary.retired" : "collection.dictionary.restored");
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "collection.error.conflict");
        }
        return "redirect:/collections/dictionary/" + id + "/edit";
    }

    private String form(DictionaryField field, Model model) {
        model.addAttribute("field", field);
        model.addAttribute("valueTypes", ValueType.values());
        model.addAttribute("sources", SourceSystem.values());
        return "collection/dictionary-form";
    }

    // --- settings

    record SettingsForm(Integer teacherSurveyYearlyTotal, Integer overlapWindowDays, List<Long> statisticsDepartmentIds,
            Integer schoolTermCollections, Integer schoolTermMinutes, int version) {
    }

    @GetMapping("/collections/settings")
    String settings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        requireKeeper(me);
        var settings = limits.settings();
        model.addAttribute("form", new SettingsForm(settings.teacherSurveyYearlyTotal(), settings.overlapWindowDays(),
                settings.statisticsDepartmentIds(), settings.schoolLoad().collections(), settings.schoolLoad().minutes(),
                settings.version()));
        return settingsPage(me, model);
    }

    @PostMapping("/collections/settings")
    String changeSettings(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") SettingsForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        requireKeeper(me);
        if (!errors.hasErrors()) {
            try {
                if (form.teacherSurveyYearlyTotal() == null) {
                    throw new RuleViolation("teacherSurveyYearlyTotal", "collection.error.total-range");
                }
                if (form.overlapWindowDays() == null) {
                    throw new RuleViolation("overlapWindowDays", "collection.error.overlap-range");
                }
                // a school load left empty is out of range, refused with its message after the fields above it
                limits.change(me, form.version(), form.teacherSurveyYearlyTotal(), form.overlapWindowDays(),
                        form.statisticsDepartmentIds(), new CollectionSettings.SchoolLoadLimit(
                                form.schoolTermCollections() == null ? 0 : form.schoolTermCollections(),
                                form.schoolTermMinutes() == null ? 0 : form.schoolTermMinutes()));
                redirect.addFlashAttribute("success", "collection.settings.saved");
                return "redirect:/collections/settings";
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
            catch (EditConflictException conflict) {
                errors.reject("collection.error.conflict");
            }
        }
        return settingsPage(me, model);
    }

    private String settingsPage(AccountPrincipal me, Model model) {
        var form = (SettingsForm) model.getAttribute("form");
        model.addAttribute("settings", limits.settings());
        model.addAttribute("chosenDepartments", register.chosenUnits(me,
                form == null || form.statisticsDepartmentIds() == null ? List.of() : form.statisticsDepartmentIds()));
        return "collection/settings";
    }

    private static void requireKeeper(AccountPrincipal me) {
        if (me.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("city admins only");
        }
    }
}
