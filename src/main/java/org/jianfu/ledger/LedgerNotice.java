package org.jianfu.ledger;

import java.time.LocalDate;
import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * Past-tense facts about a unit's ledger that those who act next should hear about: a round opened, the
 * deadline is near or passed, the city chased the unit, the reporter submitted (the approver signs off), the
 * approver signed off (the city reviews) or returned it (the reporter edits), the city returned or accepted
 * it. Notifications listen.
 *
 * @param type what happened, and so who is told
 * @param unitId the unit told: the ledger's district, or the city for a sign-off
 * @param ledgerId the ledger concerned
 * @param roundTitle the round's title, for the message
 * @param deadline the round's deadline
 * @param source the ledger's district, for the messages to the city
 */
public record LedgerNotice(Type type, long unitId, long ledgerId, String roundTitle, LocalDate deadline, String source)
        implements Notice {

    /** What happened, with the roles of the told unit that act on it. */
    public enum Type {
        ROUND_OPENED(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER),
        DEADLINE_APPROACHING(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER),
        OVERDUE(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER),
        CHASED(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER),
        SUBMITTED_FOR_SIGN_OFF(LedgerAction.SIGN_OFF.role()),
        RETURNED_TO_REPORTER(LedgerAction.SUBMIT.role()),
        SIGNED_OFF(LedgerAction.ACCEPT.role()),
        RETURNED(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER),
        ACCEPTED(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER);

        private final Set<Role> roles;

        Type(Role... roles) {
            this.roles = Set.of(roles);
        }
    }

    /** A notice to the ledger's own district. */
    static LedgerNotice toDistrict(Type type, Ledger ledger, LedgerRound round) {
        return new LedgerNotice(type, ledger.unitId(), ledger.id(), round.title(), round.deadline(), null);
    }

    @Override
    public String kind() {
        return type.name();
    }

    @Override
    public Set<Role> roles() {
        return type.roles;
    }

    @Override
    public String subject() {
        return roundTitle;
    }

    @Override
    public String link() {
        return "/ledgers/" + ledgerId;
    }
}
