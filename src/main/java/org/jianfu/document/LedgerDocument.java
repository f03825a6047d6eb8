package org.jianfu.document;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.ledger.RegisterFigures;

/**
 * One ledger as its files show it: the round's template, the reporting unit and its header, the
 * entries, and the seal applied at sign-off. A blank template has no unit, no header and no entries.
 *
 * @param unitName the reporting unit, or null for a blank template of the round
 * @param entries the entries by requirement id (empty for a blank template)
 * @param seal the seal image applied at sign-off, or null
 * @param appendix the register figures frozen at sign-off, or null for a ledger that is not signed
 * @param officialCode the verification code of the ledger's official copy (the sealed OFD), when this file is not it: the
 *     file then says so, and its seal picture is marked as a copy; null otherwise
 */
record LedgerDocument(LedgerRound round, LedgerTemplate template, String unitName, String contactPerson,
        String contactPhone, Map<Long, LedgerEntry> entries, SealImage seal, Appendix appendix, String officialCode) {

    /** A document with no seal and no appendix: a blank template, or a ledger not signed off. */
    LedgerDocument(LedgerRound round, LedgerTemplate template, String unitName, String contactPerson, String contactPhone,
            Map<Long, LedgerEntry> entries) {
        this(round, template, unitName, contactPerson, contactPhone, entries, null, null, null);
    }

    /** A seal image with its type (image/png or image/jpeg). */
    record SealImage(String contentType, byte[] content) {
    }

    /**
     * The appendix after the five-column table (附：系统核验数据): the register figures as they stood at
     * sign-off, by requirement number in this template, those with no requirement in it last.
     *
     * @param signedAt when the figures were frozen, as the file shows it
     */
    record Appendix(String signedAt, List<Figure> figures) {

        /** One figure: its requirement's number (or a dash), the requirement code, and its text in Chinese. */
        record Figure(String number, String code, String text) {
        }

        static Appendix of(LedgerFigures.Frozen frozen, LedgerTemplate template, DocumentLabels labels, String signedAt) {
            ToIntFunction<RegisterFigures.Figure> number = f -> template.requirementFor(f.requirementCode())
                    .map(LedgerTemplate.Requirement::number).orElse(Integer.MAX_VALUE);
            var figures = frozen.figures().stream()
                    .sorted(Comparator.comparingInt(number))
                    .map(f -> {
                        int n = number.applyAsInt(f);
                        return new Figure(n == Integer.MAX_VALUE ? labels.text("document.file.appendix.no-requirement")
                                : Integer.toString(n), f.requirementCode(), labels.text(f.messageKey(), f.arguments()));
                    })
                    .toList();
            return new Appendix(signedAt, figures);
        }
    }

    /** The title with the round's year, e.g. 2026年中小学教师减负工作任务台账 for a round of 2026 on the 2021 template. */
    public String title() {
        return titleOf(round, template);
    }

    static String titleOf(LedgerRound round, LedgerTemplate template) {
        var title = template.title().strip();
        return title.matches("^\\d{4}年.*") ? round.year() + title.substring(4) : round.year() + "年" + title;
    }

    /** The contact line's value: person and phone separated by a full-width space, or empty. */
    public String contact() {
        var person = contactPerson == null ? "" : contactPerson;
        var phone = contactPhone == null ? "" : contactPhone;
        return (person + "　" + phone).strip();
    }

    public List<LedgerTemplate.Row> rows() {
        return template.rows();
    }

    LedgerEntry entry(LedgerTemplate.Row row) {
        return entries.get(row.requirement().id());
    }
}
