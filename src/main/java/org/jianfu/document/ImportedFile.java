package org.jianfu.document;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A ledger as read from a filled-in file, before it is compared with the template.
 *
 * @param unitName the 报送单位 line's value, or null
 * @param contactPerson the 联系人 from the contact line, or null
 * @param contactPhone a phone number found on the contact lines, or null
 * @param contactLine whether the file has a contact line at all
 * @param rows the numbered rows by number, in file order
 * @param notices what could not be read as a ledger row
 */
record ImportedFile(String unitName, String contactPerson, String contactPhone, boolean contactLine,
        Map<Integer, Row> rows, List<Notice> notices) {

    /** One numbered row: the requirement text as the file has it and the 落实情况 cell. */
    record Row(int number, String requirement, String answer) {
    }

    /**
     * Something worth telling the person, as a message key with up to two arguments.
     *
     * @param labels whether the arguments are message keys themselves (a status's name), shown in the reader's language
     */
    record Notice(String key, String first, String second, boolean labels) implements Serializable {

        static Notice of(String key, Object first) {
            return new Notice(key, first == null ? null : first.toString(), null, false);
        }

        static Notice ofLabels(String key, String firstLabel, String secondLabel) {
            return new Notice(key, firstLabel, secondLabel, true);
        }
    }
}
