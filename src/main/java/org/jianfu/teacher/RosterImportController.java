package org.jianfu.teacher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.FileDownloads;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.unit.Units;
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

/** The roster import: the upload page with its template, the preview of a file, and applying or discarding it. */
@Controller
class RosterImportController {

    private final RosterImports imports;
    private final RosterPages pages;
    private final RosterAccess access;
    private final Units units;

    RosterImportController(RosterImports imports, RosterPages pages, RosterAccess access, Units units) {
        this.imports = imports;
        this.pages = pages;
        this.access = access;
        this.units = units;
    }

    /** @param district for the city admin, the district whose roster to import (chosen with the picker) */
    @GetMapping("/roster/import")
    String importForm(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district, Model model) {
        var view = pages.importPage(me, district);
        model.addAttribute("view", view);
        model.addAttribute("chosenDistricts", view.district() == null ? List.of() : units.chosen(me, List.of(view.district().id())));
        model.addAttribute("columns", RosterFile.Column.values());
        model.addAttribute("maxMegabytes", UploadPurpose.ROSTER_IMPORT.maxMegabytes());
        model.addAttribute("maxRows", RosterFile.MAX_ROWS);
        return "teacher/import";
    }

    /** A CSV with the headers the import reads (UTF-8 with a byte-order mark, so that Excel opens it in Chinese). */
    @GetMapping("/roster/template.csv")
    ResponseEntity<byte[]> template(@AuthenticationPrincipal AccountPrincipal me) {
        access.requireImporter(me);
        var header = Arrays.stream(RosterFile.Column.values()).map(RosterFile.Column::header).collect(Collectors.joining(","));
        var bytes = ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
        return FileDownloads.attachment("教师名册导入模板.csv", "text/csv;charset=UTF-8", bytes);
    }

    @PostMapping("/roster/import")
    String upload(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long districtId,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            var id = imports.preview(me, districtId, file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes());
            return "redirect:/roster/imports/" + id;
        }
        catch (RuleViolation violation) {
            flash(redirect, violation);
            return "redirect:/roster/import" + (districtId == null ? "" : "?district=" + districtId);
        }
    }

    @GetMapping("/roster/imports/{id}")
    String preview(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("view", pages.preview(me, id));
        model.addAttribute("previewRows", RosterPages.PREVIEW_ROWS);
        model.addAttribute("parts", List.of("ADD", "UPDATE", "LEAVE"));
        return "teacher/preview";
    }

    @PostMapping("/roster/imports/{id}/apply")
    String apply(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) String token,
            RedirectAttributes redirect) {
        try {
            imports.apply(me, id, token == null ? "" : token);
            redirect.addFlashAttribute("success", "roster.import.applied");
        }
        catch (RuleViolation violation) {
            flash(redirect, violation);
        }
        return "redirect:/roster/imports/" + id;
    }

    @PostMapping("/roster/imports/{id}/discard")
    String discard(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        var rosterImport = imports.readable(me, id);
        imports.discard(me, id);
        redirect.addFlashAttribute("success", "roster.import.discarded");
        return "redirect:/roster/import?district=" + rosterImport.districtId();
    }

    private static void flash(RedirectAttributes redirect, RuleViolation violation) {
        redirect.addFlashAttribute("failure", violation.messageKey());
        if (violation.arguments().length > 0) {
            redirect.addFlashAttribute("failureArguments", violation.arguments());
        }
    }
}
