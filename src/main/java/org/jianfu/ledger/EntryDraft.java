package org.jianfu.ledger;

import jakarta.validation.constraints.Size;

/** What the ledger page sends when an entry is saved; {@code version} is the one the user started from. */
public record EntryDraft(
        EntryStatus status,
        @Size(max = 3000, message = "{ledger.error.text-too-long}") String text,
        @Size(max = 500, message = "{ledger.error.reason-too-long}") String naReason,
        int version) {

    public String textOrEmpty() {
        return text == null ? "" : text.replace("\r\n", "\n");
    }

    String reasonOrNull() {
        return naReason == null || naReason.isBlank() ? null : naReason.strip();
    }
}
