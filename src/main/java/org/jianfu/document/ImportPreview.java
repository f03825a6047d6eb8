package org.jianfu.document;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import org.jianfu.document.ImportedFile.Notice;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.Ledger;
import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.platform.RuleViolation;

/**
 * What an import would change, shown before anything is saved: per requirement the current answer and
 * the one from the file, with warnings, and the header. Kept in the session until it is applied (it
 * holds one ledger's text, some tens of kilobytes); the versions it was computed against make sure it
 * is applied only to the ledger as it was then.
 *
 * @param token identifies this preview, so an old page cannot apply a newer upload
 * @param header the contact person and phone to save, or null to leave them
 */
record ImportPreview(String token, long ledgerId, int ledgerVersion, String fileName, HeaderChange header,
        List<Row> rows, List<Notice> notices) implements Serializable {

    /** A row's requirement text must be at least this alike to the template's to count as the same requirement. */
    static final double SAME_REQUIREMENT = 0.6;
    static final int MAX_TEXT = 3000;
    static final int MAX_REASON = 500;
    private static final int MAX_PERSON = 50;

    record HeaderChange(String currentPerson, String currentPhone, String person, String phone) implements Serializable {
    }

    /** One requirement: what the ledger has, what the file has, and whether applying changes it. */
    record Row(int number, long requirementId, String requirement, EntryStatus currentStatus, String currentText,
            String currentReason, EntryStatus status, String text, String reason, int entryVersion, boolean change,
            List<Notice> notices) implements Serializable {
    }

    public long changes() {
        return rows.stream().filter(Row::change).count() + (header == null ? 0 : 1);
    }

    /** The entries to save, by requirement id, each with the version it replaces. */
    Map<Long, EntryDraft> drafts() {
        var drafts = new LinkedHashMap<Long, EntryDraft>();
        rows.stream().filter(Row::change)
                .forEach(r -> drafts.put(r.requirementId(), new EntryDraft(r.status(), r.text(), r.reason(), r.entryVersion())));
        return drafts;
    }

    /**
     * Compares a file with the ledger. Refused when the file's table is not this template's: fewer than
     * half of the requirements are found with their text.
     *
     * @param namesTheUnit whether a 报送单位 as written is a name of the ledger's unit (its aliases count)
     */
    static ImportPreview compare(ImportedFile file, LedgerTemplate template, Ledger ledger, Predicate<String> namesTheUnit,
            Map<Long, LedgerEntry> entries, DocumentLabels labels, String fileName) {
        var notices = new ArrayList<>(file.notices());
        var rows = new ArrayList<Row>();
        int same = 0;
        var numbers = new java.util.HashSet<Integer>();
        for (var requirement : template.requirements()) {
            numbers.add(requirement.number());
            var entry = entries.get(requirement.id());
            var read = file.rows().get(requirement.number());
            var rowNotices = new ArrayList<Notice>();
            if (read == null) {
                rowNotices.add(Notice.of("document.import.notice.missing", null));
                rows.add(unchanged(requirement, entry, rowNotices));
                continue;
            }
            var similarity = TextSimilarity.of(read.requirement(), requirement.text());
            if (similarity >= SAME_REQUIREMENT) {
                same++;
            }
            if (read.requirement().isBlank()) {
                rowNotices.add(Notice.of("document.import.notice.requirement-blank", null));
            }
            else if (similarity < SAME_REQUIREMENT) {
                rowNotices.add(Notice.of("document.import.notice.requirement-mismatch", null));
            }
            else if (similarity < 1) {
                rowNotices.add(Notice.of("document.import.notice.requirement-edited", Math.round(similarity * 100)));
            }
            var answer = AnswerCell.read(List.of(read.answer()), labels);
            if (answer.status() == null && answer.text().isEmpty()) {
                rowNotices.add(Notice.of("document.import.notice.empty", null));
                rows.add(unchanged(requirement, entry, rowNotices));
                continue;
            }
            if (answer.text().length() > MAX_TEXT) {
                rowNotices.add(Notice.of("document.import.notice.too-long", MAX_TEXT));
                rows.add(unchanged(requirement, entry, rowNotices));
                continue;
            }
            if (answer.naReason() != null && answer.naReason().length() > MAX_REASON) {
                rowNotices.add(Notice.of("document.import.notice.reason-too-long", MAX_REASON));
                rows.add(unchanged(requirement, entry, rowNotices));
                continue;
            }
            var status = answer.status() != null ? answer.status() : entry.status();
            var reason = status != EntryStatus.NOT_APPLICABLE ? null
                    : answer.naReason() != null ? answer.naReason() : entry.naReason();
            if (status == EntryStatus.NOT_APPLICABLE && (reason == null || reason.isBlank())) {
                // The ledger refuses 不适用 without a reason; leaving this row out lets the rest of the file in.
                rowNotices.add(Notice.of("document.import.notice.reason-missing", null));
                rows.add(unchanged(requirement, entry, rowNotices));
                continue;
            }
            if (status == null) {
                rowNotices.add(Notice.of("document.import.notice.no-status", null));
            }
            else if (entry.status() != null && status != entry.status()) {
                rowNotices.add(Notice.ofLabels("document.import.notice.status-differs", status.messageKey(),
                        entry.status().messageKey()));
            }
            var change = status != entry.status() || !Objects.equals(reason, entry.naReason())
                    || !AnswerCell.normalised(answer.text()).equals(AnswerCell.normalised(entry.text()));
            rows.add(new Row(requirement.number(), requirement.id(), requirement.text(), entry.status(), entry.text(),
                    entry.naReason(), status, answer.text(), reason, entry.version(), change, rowNotices));
        }
        if (same * 2 < template.requirements().size()) {
            throw new RuleViolation("file", "document.import.error.other-template");
        }
        file.rows().keySet().stream().filter(n -> !numbers.contains(n))
                .forEach(n -> notices.add(Notice.of("document.import.notice.extra", n)));
        if (file.unitName() != null && !namesTheUnit.test(file.unitName())) {
            notices.add(Notice.of("document.import.notice.other-unit", file.unitName()));
        }
        return new ImportPreview(UUID.randomUUID().toString(), ledger.id(), ledger.version(), fileName,
                header(file, ledger, notices), rows, notices);
    }

    private static HeaderChange header(ImportedFile file, Ledger ledger, List<Notice> notices) {
        if (!file.contactLine()) {
            notices.add(Notice.of("document.import.notice.no-contact", null));
            return null;
        }
        if (file.contactPhone() == null) {
            notices.add(Notice.of("document.import.notice.no-phone", null));
        }
        var person = file.contactPerson() != null ? file.contactPerson() : ledger.contactPerson();
        var phone = file.contactPhone() != null ? file.contactPhone() : ledger.contactPhone();
        if (person != null && person.length() > MAX_PERSON) {
            notices.add(Notice.of("document.import.notice.person-too-long", MAX_PERSON));
            return null;
        }
        if (Objects.equals(person, ledger.contactPerson()) && Objects.equals(phone, ledger.contactPhone())) {
            return null;
        }
        return new HeaderChange(ledger.contactPerson(), ledger.contactPhone(), person, phone);
    }

    private static Row unchanged(LedgerTemplate.Requirement requirement, LedgerEntry entry, List<Notice> notices) {
        return new Row(requirement.number(), requirement.id(), requirement.text(), entry.status(), entry.text(),
                entry.naReason(), entry.status(), entry.text(), entry.naReason(), entry.version(), false, notices);
    }
}
