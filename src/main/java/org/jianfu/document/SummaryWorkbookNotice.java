package org.jianfu.document;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A round's summary workbook prepared in the background, or its preparation failed: the requester hears of it, as do
 * the others of their unit and role, who read the same workbook (it is kept per round and unit), and the link leads to
 * the workbook's page.
 *
 * @param prepared true when the file is stored, false when the preparation failed
 * @param unitId the requester's unit
 * @param role the requester's role
 * @param roundId the round
 * @param roundTitle the round's title, for the message
 */
record SummaryWorkbookNotice(boolean prepared, long unitId, Role role, long roundId, String roundTitle) implements Notice {

    @Override
    public String kind() {
        return prepared ? "SUMMARY_WORKBOOK_PREPARED" : "SUMMARY_WORKBOOK_FAILED";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(role);
    }

    @Override
    public String subject() {
        return roundTitle;
    }

    @Override
    public String link() {
        return SummaryWorkbookController.page(roundId);
    }
}
