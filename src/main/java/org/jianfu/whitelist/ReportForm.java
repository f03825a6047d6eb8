package org.jianfu.whitelist;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The report form, for school users and anonymous teachers alike. A school user's district and school
 * come from the account; an anonymous teacher chooses the district and may name the school.
 */
public record ReportForm(
        Long districtId,
        Long schoolId,
        @NotNull(message = "{whitelist.error.kind-required}") Report.Kind kind,
        BannedDemand bannedDemand,
        @Size(max = 20, message = "{whitelist.error.too-long}") String code,
        @NotBlank(message = "{whitelist.error.requester-required}") @Size(max = 200, message = "{whitelist.error.too-long}") String requester,
        @NotBlank(message = "{whitelist.error.description-required}") @Size(max = 2000, message = "{whitelist.error.too-long}") String description,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn) {

    static ReportForm prefilled(Report.Kind kind, String code, String requester) {
        return new ReportForm(null, null, kind, null, code, requester, "", null);
    }
}
