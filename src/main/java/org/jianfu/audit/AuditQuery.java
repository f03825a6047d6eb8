package org.jianfu.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.util.StringUtils;

/** The audit page's filter. Dates are whole days in the application's time zone. */
record AuditQuery(
        String username,
        String action,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        Integer page) {

    boolean hasUsername() {
        return StringUtils.hasText(username);
    }

    boolean hasAction() {
        return StringUtils.hasText(action);
    }

    Instant fromInstant(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant toInstantExclusive(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    int pageOrFirst() {
        return page == null || page < 0 ? 0 : page;
    }
}
