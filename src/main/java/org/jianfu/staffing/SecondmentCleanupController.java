package org.jianfu.staffing;

import java.time.LocalDate;

import org.jianfu.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A district's one-time cleanup of secondments: the list, the marks, the filing, the counts before and after. */
@Controller
class SecondmentCleanupController {

    private final SecondmentCleanups cleanups;
    private final StaffingAccess access;
    private final java.time.Clock clock;

    SecondmentCleanupController(SecondmentCleanups cleanups, StaffingAccess access, java.time.Clock clock) {
        this.cleanups = cleanups;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/staffing/cleanups/{districtId}")
    String cleanup(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, Model model) {
        var cleanup = cleanups.read(me, districtId);
        model.addAttribute("cleanup", cleanup);
        model.addAttribute("district", access.readableDistrict(me, districtId));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reporter", StaffingAccess.acts(me, districtId, StaffingAccess.RECORDER) && !cleanup.filed());
        model.addAttribute("approver", StaffingAccess.acts(me, districtId, StaffingAccess.APPROVER) && cleanup.started() && !cleanup.filed());
        return "staffing/cleanup";
    }

    @PostMapping("/staffing/cleanups/{districtId}/start")
    String start(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, RedirectAttributes redirect) {
        Steps.attempt(redirect, "staffing.cleanup.started", () -> cleanups.start(me, districtId));
        return back(districtId);
    }

    @PostMapping("/staffing/cleanups/{districtId}/existing")
    String addExisting(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId,
            @RequestParam(required = false) String teacherNumber, @RequestParam(required = false) String borrowerName,
            @RequestParam(required = false) Purpose purpose, @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Steps.attempt(redirect, "staffing.cleanup.listed", () -> cleanups.addExisting(me, districtId, teacherNumber, borrowerName, purpose,
                Steps.date(startsOn, "startsOn"), reason));
        return back(districtId);
    }

    @PostMapping("/staffing/cleanups/secondments/{id}/mark")
    String mark(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) Secondment.CleanupOutcome outcome, @RequestParam(required = false) String returnedOn,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String endsOn,
            @RequestParam(required = false) String consentDocument, @RequestParam(required = false) String consentOn,
            @RequestParam(required = false) String approvalDocument, @RequestParam(required = false) String approvalOn,
            RedirectAttributes redirect) {
        var secondment = cleanups.secondment(me, id);
        access.ownDistrict(me, secondment.districtId(), StaffingAccess.RECORDER);
        Steps.attempt(redirect, "staffing.cleanup.marked", () -> {
            if (outcome == Secondment.CleanupOutcome.ENDED) {
                cleanups.markEnded(me, id, version, Steps.date(returnedOn, "returnedOn"));
            }
            else if (outcome == Secondment.CleanupOutcome.CONTINUED) {
                cleanups.markContinued(me, id, version, new SecondmentDraft(null, null, null, null, reason, null,
                        Steps.date(endsOn, "endsOn"), consentDocument, Steps.date(consentOn, "consentOn"), approvalDocument,
                        Steps.date(approvalOn, "approvalOn")));
            }
            else {
                throw new org.jianfu.platform.RuleViolation("outcome", "staffing.error.outcome-required");
            }
        });
        return back(secondment.districtId()) + "#secondment-" + id;
    }

    @PostMapping("/staffing/cleanups/{districtId}/file")
    String file(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, @RequestParam(required = false) String document,
            @RequestParam(required = false) String filedOn, RedirectAttributes redirect) {
        Steps.attempt(redirect, "staffing.cleanup.filed", () -> cleanups.file(me, districtId, document, Steps.date(filedOn, "filedOn")));
        return back(districtId);
    }

    private static String back(long districtId) {
        return "redirect:/staffing/cleanups/" + districtId;
    }
}
