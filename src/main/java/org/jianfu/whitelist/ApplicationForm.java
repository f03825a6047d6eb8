package org.jianfu.whitelist;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jianfu.unit.SchoolStage;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The application form. Each banned-demand question must be answered explicitly, yes or no: a question
 * left open is not read as "no".
 */
public record ApplicationForm(
        @NotBlank(message = "{whitelist.error.name-required}") @Size(max = 100, message = "{whitelist.error.too-long}") String activityName,
        @NotBlank(message = "{whitelist.error.lead-unit-required}") @Size(max = 100, message = "{whitelist.error.too-long}") String leadUnit,
        @NotNull(message = "{whitelist.error.category-required}") Category category,
        @NotBlank(message = "{whitelist.error.content-required}") @Size(max = 2000, message = "{whitelist.error.too-long}") String content,
        @NotEmpty(message = "{whitelist.error.forms-required}") Set<ActivityForm> forms,
        @NotBlank(message = "{whitelist.error.place-required}") @Size(max = 200, message = "{whitelist.error.too-long}") String place,
        Set<SchoolStage> stages,
        @Size(max = 100, message = "{whitelist.error.too-long}") String grades,
        List<Long> schoolIds,
        @NotNull(message = "{whitelist.error.year-required}") Integer year,
        @NotNull(message = "{whitelist.error.dates-required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @NotNull(message = "{whitelist.error.dates-required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
        @NotBlank(message = "{whitelist.error.frequency-required}") @Size(max = 100, message = "{whitelist.error.too-long}") String frequency,
        @NotBlank(message = "{whitelist.error.basis-required}") @Size(max = 500, message = "{whitelist.error.too-long}") String basis,
        @Size(max = 1000, message = "{whitelist.error.too-long}") String teacherTasks,
        @NotNull(message = "{whitelist.error.hours-required}") @Min(value = 0, message = "{whitelist.error.hours-range}")
        @Max(value = 200, message = "{whitelist.error.hours-range}") Integer teacherHours,
        @NotNull(message = "{whitelist.error.answer-required}") Boolean asksWriting,
        @NotNull(message = "{whitelist.error.answer-required}") Boolean asksStreetDuty,
        @NotNull(message = "{whitelist.error.answer-required}") Boolean asksProofPhotos,
        @NotNull(message = "{whitelist.error.answer-required}") Boolean takesClassTime,
        int version) {

    /** An empty form for a year; the banned-demand questions stay unanswered. */
    static ApplicationForm blank(int year) {
        return new ApplicationForm("", "", null, "", Set.of(), "", Set.of(), "", List.of(), year, null, null, "", "", "", 0,
                null, null, null, null, 0);
    }

    /** The form filled with a stored application, to correct it after it was returned. */
    static ApplicationForm of(WhitelistApplication a) {
        return new ApplicationForm(a.activityName(), a.leadUnit(), a.category(), a.content(), a.forms(), a.place(),
                a.stages(), a.grades(), a.schoolIds(), a.year(), a.startsOn(), a.endsOn(), a.frequency(), a.basis(),
                a.teacherTasks(), a.teacherHours(), a.bannedDemands().contains(BannedDemand.WRITING),
                a.bannedDemands().contains(BannedDemand.STREET_DUTY), a.bannedDemands().contains(BannedDemand.PROOF_PHOTOS),
                a.bannedDemands().contains(BannedDemand.CLASS_TIME), a.version());
    }

    /** The banned demands answered "yes". */
    Set<BannedDemand> bannedDemands() {
        var yes = EnumSet.noneOf(BannedDemand.class);
        if (Boolean.TRUE.equals(asksWriting)) {
            yes.add(BannedDemand.WRITING);
        }
        if (Boolean.TRUE.equals(asksStreetDuty)) {
            yes.add(BannedDemand.STREET_DUTY);
        }
        if (Boolean.TRUE.equals(asksProofPhotos)) {
            yes.add(BannedDemand.PROOF_PHOTOS);
        }
        if (Boolean.TRUE.equals(takesClassTime)) {
            yes.add(BannedDemand.CLASS_TIME);
        }
        return yes;
    }

    Set<ActivityForm> formsOrEmpty() {
        return forms == null ? Set.of() : forms;
    }

    Set<SchoolStage> stagesOrEmpty() {
        return stages == null ? Set.of() : stages;
    }

    List<Long> schoolIdsOrEmpty() {
        return schoolIds == null ? List.of() : schoolIds.stream().distinct().toList();
    }
}
