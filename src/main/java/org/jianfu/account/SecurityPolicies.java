package org.jianfu.account;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jianfu.audit.AuditableEvent;
import org.jianfu.platform.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security admin's policies. Who needs a second factor: the system, security and audit admins and the city
 * admin always, district approvers when the security admin says so. The whole requirement is on unless
 * {@code jianfu.security.second-factor.required} is false, which only the demo profile does (its page-walking
 * tools log in with a password alone); the login page says so then.
 */
@Service
public class SecurityPolicies {

    static final Set<Role> ALWAYS_SECOND_FACTOR = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN,
            Role.CITY_ADMIN);
    static final String APPROVERS_SECOND_FACTOR = "second-factor.approvers";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean secondFactorRequired;

    SecurityPolicies(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${jianfu.security.second-factor.required:true}") boolean secondFactorRequired) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.secondFactorRequired = secondFactorRequired;
    }

    /** Whether second factors are required at all (false only in demo mode). */
    public boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    @Transactional(readOnly = true)
    public boolean approversNeedSecondFactor() {
        return jdbc.sql("select value from security_setting where name = ?").param(APPROVERS_SECOND_FACTOR)
                .query(String.class).optional().map(Boolean::parseBoolean).orElse(false);
    }

    /** Whether an account of this role must give a second factor after its password. */
    @Transactional(readOnly = true)
    public boolean needsSecondFactor(Role role) {
        if (!secondFactorRequired || role == null) {
            return false;
        }
        return ALWAYS_SECOND_FACTOR.contains(role) || role == Role.DISTRICT_APPROVER && approversNeedSecondFactor();
    }

    record PolicyChanged(String name, Object before, Object after) implements AuditableEvent {
        public String action() { return "security.policy-changed"; }
        public String objectType() { return "security-policy"; }
        public String objectId() { return name; }
    }

    /** The security admin turns the approvers' second factor on or off; audited. */
    @Transactional
    public void setApproversNeedSecondFactor(Actor securityAdmin, boolean required) {
        var before = approversNeedSecondFactor();
        jdbc.sql("""
                insert into security_setting (name, value, changed_by, changed_at) values (?, ?, ?, ?)
                on conflict (name) do update set value = excluded.value, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""")
                .params(APPROVERS_SECOND_FACTOR, Boolean.toString(required), securityAdmin.username(), utc(clock.instant()))
                .update();
        events.publishEvent(new PolicyChanged(APPROVERS_SECOND_FACTOR, Map.of("required", before), Map.of("required", required)));
    }
}
