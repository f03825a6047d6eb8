package org.jianfu.unit;

import org.jianfu.platform.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The unit directory: every user sees their own unit and what lies below it, and nothing else. */
@Controller
class UnitController {

    private final Units units;
    private final Seals seals;

    UnitController(Units units, Seals seals) {
        this.units = units;
        this.seals = seals;
    }

    @GetMapping("/units")
    String tree(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("tree", UnitTree.ownAndChildren(units, actor.unitId()));
        return "unit/tree";
    }

    /** A seal image, to whoever may see the unit it belongs to (its own people and the units above it). */
    @GetMapping("/units/{id}/seals/{sealId}")
    org.springframework.http.ResponseEntity<byte[]> seal(@AuthenticationPrincipal Actor actor, @PathVariable long id,
            @PathVariable long sealId) {
        units.getInScope(actor, id);
        var seal = seals.find(sealId).filter(s -> s.unitId() == id).orElseThrow(() -> new UnitNotFoundException(id));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(seal.contentType()))
                .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
                .body(seal.content());
    }

    /**
     * A new seal image, uploaded by the unit's own approver (the security configuration admits approvers only; the
     * unit must be the approver's own). No administrator can put a seal on a unit's sign-off.
     */
    @org.springframework.web.bind.annotation.PostMapping("/units/{id}/seal")
    String uploadSeal(@AuthenticationPrincipal Actor actor, @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam(name = "seal", required = false)
            org.springframework.web.multipart.MultipartFile seal,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) throws java.io.IOException {
        try {
            seals.upload(actor, id, seal == null ? null : seal.getBytes());
            redirect.addFlashAttribute("success", "unit.seal.uploaded");
        }
        catch (org.jianfu.platform.RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:/units/" + id;
    }

    @GetMapping("/units/{id}")
    String show(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        var unit = units.getInScope(actor, id);
        model.addAttribute("unit", unit);
        model.addAttribute("children", units.children(id));
        if (unit.parentId() != null && units.isWithin(actor.unitId(), unit.parentId())) {
            model.addAttribute("parent", units.get(unit.parentId()));
        }
        model.addAttribute("sealId", seals.currentSealId(id).orElse(null));
        model.addAttribute("ownUnit", actor.unitId() == id);
        return "unit/show";
    }
}
