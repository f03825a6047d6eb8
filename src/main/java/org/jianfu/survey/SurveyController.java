package org.jianfu.survey;

import java.time.Clock;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.FormSteps;
import org.jianfu.platform.QrCodes;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The waves, their questions and schools, a school's link with its QR code and codes, and the settings. */
@Controller
class SurveyController {

    private final Surveys surveys;
    private final SurveyAccess access;
    private final Units units;
    private final Clock clock;

    SurveyController(Surveys surveys, SurveyAccess access, Units units, Clock clock) {
        this.surveys = surveys;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/survey")
    String waves(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("waves", surveys.waves(me));
        model.addAttribute("cityAdmin", me.role() == Role.CITY_ADMIN);
        model.addAttribute("results", SurveyAccess.RESULT_READERS.contains(me.role()));
        model.addAttribute("thisYear", Years.orThisYear(null, clock));
        return "survey/waves";
    }

    @PostMapping("/survey/waves")
    String create(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String name,
            @RequestParam(required = false) String year, RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        var created = new SurveyWave[1];
        attempt(redirect, "survey.wave.created", () -> created[0] = surveys.create(me, name, year(year)));
        return created[0] == null ? "redirect:/survey" : "redirect:/survey/waves/" + created[0].id();
    }

    @GetMapping("/survey/waves/{id}")
    String wave(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Long district,
            Model model) {
        var wave = surveys.wave(me, id);
        var schools = access.schoolsListed(me, district);
        model.addAttribute("wave", wave);
        model.addAttribute("questions", surveys.questions(id));
        model.addAttribute("schools", schools);
        model.addAttribute("links", surveys.links(id, schools.stream().map(Unit::id).toList()));
        model.addAttribute("district", district);
        model.addAttribute("districts", access.cityWide(me) ? units.children(units.root().orElseThrow().id()).stream()
                .filter(u -> u.type() == UnitType.DISTRICT).sorted(Unit.OFFICIAL_ORDER).toList() : java.util.List.of());
        model.addAttribute("cityAdmin", me.role() == Role.CITY_ADMIN);
        model.addAttribute("results", SurveyAccess.RESULT_READERS.contains(me.role()));
        model.addAttribute("kinds", SurveyQuestion.Kind.values());
        model.addAttribute("works", SurveyQuestion.Work.values());
        model.addAttribute("demands", SurveyQuestion.Demand.values());
        return "survey/wave";
    }

    @PostMapping("/survey/waves/{id}/questions")
    String addQuestion(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @RequestParam(required = false) SurveyQuestion.Kind kind, @RequestParam(required = false) SurveyQuestion.Work work,
            @RequestParam(required = false) SurveyQuestion.Demand demand, @RequestParam(required = false) String label,
            RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        surveys.wave(me, id);
        attempt(redirect, "survey.question.added", () -> surveys.addQuestion(me, id, kind, work, demand, label));
        return "redirect:/survey/waves/" + id;
    }

    @PostMapping("/survey/waves/{id}/questions/{questionId}/delete")
    String removeQuestion(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long questionId,
            RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        surveys.wave(me, id);
        attempt(redirect, "survey.question.removed", () -> surveys.removeQuestion(me, id, questionId));
        return "redirect:/survey/waves/" + id;
    }

    @PostMapping("/survey/waves/{id}/open")
    String open(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        surveys.wave(me, id);
        attempt(redirect, "survey.wave.opened", () -> surveys.open(me, id, version));
        return "redirect:/survey/waves/" + id;
    }

    @PostMapping("/survey/waves/{id}/close")
    String close(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        surveys.wave(me, id);
        attempt(redirect, "survey.wave.closed", () -> surveys.close(me, id, version));
        return "redirect:/survey/waves/" + id;
    }

    /** A school's link: the address, its QR code, how many codes were handed out and used, and the form for more. */
    @GetMapping("/survey/waves/{id}/schools/{schoolId}")
    String school(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long schoolId, Model model) {
        var school = access.school(me, schoolId);
        var wave = surveys.wave(me, id);
        model.addAttribute("wave", wave);
        model.addAttribute("school", school);
        model.addAttribute("issuer", SurveyAccess.ISSUERS.contains(me.role()));
        if (wave.state() != SurveyWave.State.DRAFT) {
            var link = surveys.links(id, java.util.List.of(schoolId)).get(schoolId);
            if (link == null && wave.state() == SurveyWave.State.OPEN) {
                link = surveys.link(me, id, schoolId);
            }
            addLink(model, link, school);
        }
        return "survey/school";
    }

    /** New codes for the school, shown this once on a sheet to print and cut into slips; only their hashes are kept. */
    @PostMapping("/survey/waves/{id}/schools/{schoolId}/codes")
    String issue(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long schoolId,
            @RequestParam(required = false) String count, Model model, RedirectAttributes redirect) {
        var school = access.issuingSchool(me, schoolId);
        var wave = surveys.wave(me, id);
        try {
            var codes = surveys.issueCodes(me, id, schoolId, FormSteps.wholeOrInvalid(count));
            model.addAttribute("wave", wave);
            model.addAttribute("school", school);
            model.addAttribute("codes", codes);
            addLink(model, surveys.link(me, id, schoolId), school);
            return "survey/sheet";
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            redirect.addFlashAttribute("failureArguments", violation.arguments());
            return "redirect:/survey/waves/" + id + "/schools/" + schoolId;
        }
    }

    @GetMapping("/survey/settings")
    String settings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        access.requireCityAdmin(me);
        model.addAttribute("settings", surveys.settings());
        return "survey/settings";
    }

    @PostMapping("/survey/settings")
    String changeSettings(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String minGroupSize, @RequestParam(required = false) String inspectionHours,
            @RequestParam(required = false) String registerItems, RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        attempt(redirect, "survey.settings.saved", () -> surveys.changeSettings(me, version, FormSteps.wholeOrInvalid(minGroupSize),
                FormSteps.decimalOrInvalid(inspectionHours), FormSteps.wholeOrInvalid(registerItems)));
        return "redirect:/survey/settings";
    }

    private static void addLink(Model model, SchoolLink link, Unit school) {
        if (link == null) {
            return;
        }
        var url = ServletUriComponentsBuilder.fromCurrentContextPath().path(link.path()).toUriString();
        model.addAttribute("link", link);
        model.addAttribute("url", url);
        model.addAttribute("qr", QrCodes.svg(url, school.name()));
    }

    private static void attempt(RedirectAttributes redirect, String successKey, Runnable step) {
        FormSteps.attempt(redirect, successKey, "survey.error.conflict", step);
    }

    private static Integer year(String text) {
        var year = FormSteps.wholeOrInvalid(text);
        if (year == null || year < Years.FIRST || year > Years.LAST) {
            throw new RuleViolation("year", "survey.error.year");
        }
        return year;
    }


}
