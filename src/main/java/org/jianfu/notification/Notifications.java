package org.jianfu.notification;

import static org.jianfu.platform.SqlTimestamps.utc;
import static org.jianfu.platform.SqlTimestamps.instant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.inspection.VisitFlagged;
import org.jianfu.ledger.LedgerNotice;
import org.jianfu.platform.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications, addressed to a unit. They are written in the same transaction as the change they
 * report, so a rolled-back change announces nothing.
 */
@Service
public class Notifications {

    static final String VISIT_FLAGGED = "VISIT_FLAGGED";

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Notification(long id, String kind, String subject, String link, LocalDate deadline, Instant createdAt,
            boolean read) {
        public String messageKey() {
            return "notification." + kind;
        }
    }

    @EventListener
    @Transactional
    public void on(LedgerNotice notice) {
        insert(notice.unitId(), notice.kind().name(), notice.roundTitle(), "/ledgers/" + notice.ledgerId(), notice.deadline());
    }

    /** A flagged visit: its school and day are the subject, and each unit told gets the link to its own list. */
    @EventListener
    @Transactional
    public void on(VisitFlagged flagged) {
        for (var unitId : flagged.unitIds()) {
            insert(unitId, VISIT_FLAGGED, subjectOf(flagged), flagged.linkFor(unitId), null);
        }
    }

    static String subjectOf(VisitFlagged flagged) {
        return flagged.schoolName() + " " + flagged.visitDate();
    }

    private void insert(long unitId, String kind, String subject, String link, LocalDate deadline) {
        jdbc.sql("""
                insert into notification (unit_id, kind, subject, link, deadline, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(unitId, kind, subject, link, deadline, utc(clock.instant()))
                .update();
    }

    @Transactional(readOnly = true)
    List<Notification> forActor(Actor actor) {
        return jdbc.sql("""
                select n.*, exists(select 1 from notification_read r where r.notification_id = n.id and r.account_id = ?) as read
                from notification n where n.unit_id = ? order by n.created_at desc, n.id desc limit 100""")
                .params(actor.accountId(), actor.unitId())
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                        rs.getString("link"), rs.getObject("deadline", LocalDate.class),
                        instant(rs, "created_at"), rs.getBoolean("read")))
                .list();
    }

    @Transactional(readOnly = true)
    public int unread(Actor actor) {
        return jdbc.sql("""
                select count(*) from notification n where n.unit_id = ?
                and not exists(select 1 from notification_read r where r.notification_id = n.id and r.account_id = ?)""")
                .params(actor.unitId(), actor.accountId()).query(Integer.class).single();
    }

    /** Marks every notification of the actor's unit as read by this actor. */
    @Transactional
    void markAllRead(Actor actor) {
        jdbc.sql("""
                insert into notification_read (notification_id, account_id, read_at)
                select id, ?, ? from notification where unit_id = ? on conflict do nothing""")
                .params(actor.accountId(), utc(clock.instant()), actor.unitId())
                .update();
    }
}
