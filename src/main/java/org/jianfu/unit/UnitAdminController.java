package org.jianfu.unit;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import org.jianfu.platform.Actor;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system admin's unit pages. Only units within the admin's own subtree can be touched. */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    private final Units units;
    private final Seals seals;

    UnitAdminController(Units units, Seals seals) {
        this.units = units;
        this.seals = seals;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("tree", UnitTree.ownAndChildren(units, actor.unitId()));
        return "unit/admin-list";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal Actor actor, @RequestParam long parentId,
            @RequestParam(required = false) UnitType type, Model model) {
        var parent = units.getInScope(actor, parentId);
        var allowed = childTypes(parent);
        if (allowed.isEmpty()) {
            return "redirect:/admin/units/" + parentId;
        }
        var chosen = type != null && allowed.contains(type) ? type : allowed.get(0);
        model.addAttribute("form", UnitForm.blank(parentId, chosen));
        return createPage(parent, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal Actor actor, @Valid @ModelAttribute("form") UnitForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (form.parentId() == null) {
            throw new UnitNotFoundException(-1);
        }
        var parent = units.getInScope(actor, form.parentId());
        if (!errors.hasErrors()) {
            try {
                var unit = units.create(new Units.NewUnit(parent.id(), form.type(), form.name(), form.code(), form.stage()));
                redirect.addFlashAttribute("success", "unit.created");
                return "redirect:/admin/units/" + unit.id();
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
        }
        return createPage(parent, model);
    }

    @GetMapping("/{id}")
    String editForm(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        var unit = units.getInScope(actor, id);
        model.addAttribute("form", UnitForm.of(unit, units.coordinatesOf(List.of(id)).get(id)));
        return editPage(unit, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal Actor actor, @PathVariable long id,
            @Valid @ModelAttribute("form") UnitForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var unit = units.getInScope(actor, id);
        if (!form.enabled() && unit.id() == actor.unitId()) {
            errors.rejectValue("enabled", "unit.error.disable-own");
        }
        if (form.halfPlaced()) {
            errors.rejectValue(form.latitude() == null ? "latitude" : "longitude", "unit.error.coordinates-both");
        }
        if (!errors.hasErrors()) {
            try {
                var saved = units.update(id, form.version() == null ? -1 : form.version(),
                        new Units.UnitChange(form.name(), form.code(), form.stage(), form.enabled()));
                if (saved.type() == UnitType.SCHOOL) {
                    units.locate(id, saved.version(), form.latitude(), form.longitude());
                }
                redirect.addFlashAttribute("success", "unit.saved");
                return "redirect:/admin/units/" + id;
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
            catch (EditConflictException conflict) {
                errors.reject("unit.error.conflict");
            }
        }
        return editPage(unit, model);
    }

    @PostMapping("/{id}/aliases")
    String addAlias(@AuthenticationPrincipal Actor actor, @PathVariable long id,
            @RequestParam(required = false) String alias, RedirectAttributes redirect) {
        units.getInScope(actor, id);
        try {
            units.addAlias(id, alias);
            redirect.addFlashAttribute("success", "unit.alias.added");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:/admin/units/" + id;
    }

    @PostMapping("/{id}/aliases/{aliasId}/delete")
    String removeAlias(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable long aliasId,
            RedirectAttributes redirect) {
        units.getInScope(actor, id);
        try {
            units.removeAlias(id, aliasId);
            redirect.addFlashAttribute("success", "unit.alias.removed");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:/admin/units/" + id;
    }

    private String createPage(Unit parent, Model model) {
        model.addAttribute("parent", parent);
        model.addAttribute("types", childTypes(parent));
        model.addAttribute("showStage", childTypes(parent).contains(UnitType.SCHOOL));
        model.addAttribute("stages", SchoolStage.values());
        return "unit/admin-form";
    }

    private String editPage(Unit unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("children", units.children(unit.id()));
        model.addAttribute("childTypes", childTypes(unit));
        model.addAttribute("showStage", unit.type() == UnitType.SCHOOL);
        model.addAttribute("sealId", seals.currentSealId(unit.id()).orElse(null));
        model.addAttribute("aliases", unit.type() == UnitType.DISTRICT ? units.aliases(unit.id()) : null);
        model.addAttribute("stages", SchoolStage.values());
        return "unit/admin-form";
    }

    private static List<UnitType> childTypes(Unit parent) {
        return Arrays.stream(UnitType.values()).filter(t -> t.allowedParents().contains(parent.type())).toList();
    }
}
