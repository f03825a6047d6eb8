package org.jianfu.notification;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications, addressed to a unit and to the roles of that unit that can act on them: a person
 * sees those of their own unit addressed to their role. They are written in the same transaction as the
 * change they report, so a rolled-back change announces nothing.
 */
@Service
public class Notifications {

    /** They run the platform and check its audit trail; no business notification is for them. */
    private static final Set<Role> NEVER_TOLD = EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN, Role.SECURITY_ADMIN);

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Notification(long id, String kind, String subject, String source, String link, LocalDate deadline,
            Instant createdAt, boolean read) {
        public String messageKey() {
            return "notification." + kind;
        }
    }

    /** The roles a notice reaches: those it names, never the system or audit admins. */
    static Set<Role> addressees(Notice notice) {
        var roles = EnumSet.noneOf(Role.class);
        roles.addAll(notice.roles());
        roles.removeAll(NEVER_TOLD);
        return roles;
    }

    /** Whether people of this role ever get notifications (the top bar shows them the bell and its count). */
    public static boolean told(Role role) {
        return !NEVER_TOLD.contains(role);
    }

    /**
     * Writes the notification. The person whose step caused it, when they are among those addressed, has
     * it as read: nobody needs to be told what they just did.
     */
    @EventListener
    @Transactional
    public void on(Notice notice) {
        var roles = addressees(notice);
        if (roles.isEmpty()) {
            return;
        }
        var id = jdbc.sql("""
                insert into notification (unit_id, roles, kind, subject, source, link, deadline, created_at)
                values (?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?) returning id""")
                .params(notice.unitId(), roles.stream().map(Role::name).collect(Collectors.joining(",")), notice.kind(),
                        notice.subject(), notice.source(), notice.link(), notice.deadline(), utc(createdAt(notice)))
                .query(Long.class).single();
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal me && me.unitId() == notice.unitId()
                && roles.contains(me.role())) {
            jdbc.sql("insert into notification_read (notification_id, account_id, read_at) values (?, ?, ?)")
                    .params(id, me.accountId(), utc(clock.instant())).update();
        }
    }

    private Instant createdAt(Notice notice) {
        return notice.dayPrecision() ? LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant() : clock.instant();
    }

    @Transactional(readOnly = true)
    List<Notification> forActor(AccountPrincipal me) {
        return jdbc.sql("""
                select n.*, exists(select 1 from notification_read r where r.notification_id = n.id and r.account_id = ?) as read
                from notification n where n.unit_id = ? and ? = any(n.roles)
                order by n.created_at desc, n.id desc limit 100""")
                .params(me.accountId(), me.unitId(), me.role().name())
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                        rs.getString("source"), rs.getString("link"), rs.getObject("deadline", LocalDate.class),
                        instant(rs, "created_at"), rs.getBoolean("read")))
                .list();
    }

    /** How many notifications this person has not read yet (zero for the roles that get none). */
    @Transactional(readOnly = true)
    public int unread(AccountPrincipal me) {
        return jdbc.sql("""
                select count(*) from notification n where n.unit_id = ? and ? = any(n.roles)
                and not exists(select 1 from notification_read r where r.notification_id = n.id and r.account_id = ?)""")
                .params(me.unitId(), me.role().name(), me.accountId()).query(Integer.class).single();
    }

    /** Marks every notification this person sees as read by them. */
    @Transactional
    void markAllRead(AccountPrincipal me) {
        jdbc.sql("""
                insert into notification_read (notification_id, account_id, read_at)
                select id, ?, ? from notification where unit_id = ? and ? = any(roles) on conflict do nothing""")
                .params(me.accountId(), utc(clock.instant()), me.unitId(), me.role().name())
                .update();
    }
}
