package org.jianfu.document;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerProgress;
import org.springframework.context.MessageSource;

/**
 * The words the files use. Ledger files are government documents written in Chinese, whatever language
 * the person's screen is in, so every label comes from the Chinese bundles.
 */
record DocumentLabels(Map<EntryStatus, String> statuses, Map<LedgerProgress, String> progress, String reason,
        String reportingUnit, String contact, String attachment, String[] columns, String notFilled, MessageSource messages) {

    static DocumentLabels chinese(MessageSource messages) {
        var zh = Locale.SIMPLIFIED_CHINESE;
        var statuses = new EnumMap<EntryStatus, String>(EntryStatus.class);
        for (var status : EntryStatus.values()) {
            statuses.put(status, messages.getMessage(status.messageKey(), null, zh));
        }
        var progress = new EnumMap<LedgerProgress, String>(LedgerProgress.class);
        for (var step : LedgerProgress.values()) {
            progress.put(step, messages.getMessage(step.messageKey(), null, zh));
        }
        return new DocumentLabels(statuses, progress,
                messages.getMessage("ledger.na-reason", null, zh),
                messages.getMessage("document.file.reporting-unit", null, zh),
                messages.getMessage("document.file.contact", null, zh),
                messages.getMessage("document.file.attachment", null, zh),
                new String[] { messages.getMessage("ledger.col.number", null, zh),
                        messages.getMessage("ledger.col.matter", null, zh),
                        messages.getMessage("ledger.col.key-task", null, zh),
                        messages.getMessage("ledger.col.requirement", null, zh),
                        messages.getMessage("ledger.col.entry", null, zh) },
                messages.getMessage("ledger.entry-status.none", null, zh), messages);
    }

    /** Any other text of a file, in Chinese. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
    }

    String status(EntryStatus status) {
        return status == null ? notFilled : statuses.get(status);
    }
}
