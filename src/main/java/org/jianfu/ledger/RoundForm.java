package org.jianfu.ledger;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The form that opens a round. */
record RoundForm(
        @NotNull(message = "{ledger.error.template-required}") Long templateId,
        @NotNull(message = "{ledger.error.year-required}") @Min(value = 2000, message = "{ledger.error.year-range}")
        @Max(value = 2100, message = "{ledger.error.year-range}") Integer year,
        @NotBlank(message = "{ledger.error.title-required}") @Size(max = 100, message = "{ledger.error.title-length}") String title,
        @NotNull(message = "{ledger.error.deadline-required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
        List<Long> unitIds) {
}
