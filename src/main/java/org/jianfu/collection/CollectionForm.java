package org.jianfu.collection;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jianfu.unit.SchoolStage;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The registration form of a collection. Fields come from the dictionary ({@code fieldIds}) or are typed, one a line
 * ({@code freeTextFields}); a typed field is flagged for the arranging office to map.
 */
public record CollectionForm(
        @Size(max = 100, message = "{collection.error.too-long}") String requestingOffice,
        @NotNull(message = "{collection.error.kind-required}") CollectionKind kind,
        @NotBlank(message = "{collection.error.title-required}") @Size(max = 100, message = "{collection.error.too-long}") String title,
        @NotBlank(message = "{collection.error.purpose-required}") @Size(max = 1000, message = "{collection.error.too-long}") String purpose,
        @NotBlank(message = "{collection.error.basis-required}") @Size(max = 500, message = "{collection.error.too-long}") String basis,
        Set<SchoolStage> targetStages,
        List<Long> schoolIds,
        @NotNull(message = "{collection.error.respondent-required}") Respondent respondent,
        List<Long> fieldIds,
        @Size(max = 2000, message = "{collection.error.too-long}") String freeTextFields,
        @NotNull(message = "{collection.error.frequency-required}") Frequency frequency,
        @NotNull(message = "{collection.error.dates-required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
        @NotNull(message = "{collection.error.dates-required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
        @NotNull(message = "{collection.error.minutes-required}") @Min(value = 0, message = "{collection.error.minutes-range}")
        @Max(value = 10000, message = "{collection.error.minutes-range}") Integer minutesPerSchool,
        @NotNull(message = "{collection.error.minutes-required}") @Min(value = 0, message = "{collection.error.minutes-range}")
        @Max(value = 10000, message = "{collection.error.minutes-range}") Integer minutesPerTeacher,
        @NotNull(message = "{collection.error.compulsory-required}") Boolean compulsory,
        @Size(max = 100, message = "{collection.error.too-long}") String statisticsApprovalNo,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate statisticsApprovedOn,
        int version) {

    /** The longest free-text field name, as the table allows. */
    static final int FREE_TEXT_LENGTH = 50;

    /** An empty form; whether taking part is compulsory stays unanswered. */
    static CollectionForm blank() {
        return new CollectionForm("", null, "", "", "", Set.of(), List.of(), null, List.of(), "", null, null, null, null, null,
                null, "", null, 0);
    }

    /** The form filled with a stored collection, to correct it while it waits for its arranging office. */
    static CollectionForm of(DataCollection c) {
        return new CollectionForm(c.requestingOffice(), c.kind(), c.title(), c.purpose(), c.basis(), c.targetStages(),
                c.schoolIds(), c.respondent(),
                c.fields().stream().filter(f -> f.freeText() == null).map(CollectionField::dictionaryFieldId).toList(),
                String.join("\n", c.fields().stream().filter(f -> f.freeText() != null).map(CollectionField::freeText).toList()),
                c.frequency(), c.opensOn(), c.dueOn(), c.minutesPerSchool(), c.minutesPerTeacher(), c.compulsory(),
                c.statisticsApprovalNo(), c.statisticsApprovedOn(), c.version());
    }

    Set<SchoolStage> targetStagesOrEmpty() {
        return targetStages == null ? Set.of() : targetStages;
    }

    List<Long> schoolIdsOrEmpty() {
        return schoolIds == null ? List.of() : schoolIds.stream().distinct().toList();
    }

    List<Long> fieldIdsOrEmpty() {
        return fieldIds == null ? List.of() : fieldIds.stream().distinct().toList();
    }

    /** The typed field names, one a line, blank lines and repeats left out. */
    List<String> freeTexts() {
        return freeTextFields == null ? List.of()
                : Arrays.stream(freeTextFields.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    String requestingOfficeOrNull() {
        return blankToNull(requestingOffice);
    }

    String statisticsApprovalNoOrNull() {
        return blankToNull(statisticsApprovalNo);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
