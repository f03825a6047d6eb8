package org.jianfu.audit;

import org.jianfu.platform.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who an audit row names. A module that writes its change and the audit row in one SQL statement (through
 * the database function {@code audit_append}, see {@link AuditTrail}) takes the actor from
 * {@link #current()}, exactly as the audit trail does for {@link AuditableEvent}s.
 */
public record AuditActor(Long accountId, String username, Long unitId, String unitName) {

    /** Changes made by the application itself: demo data, the first administrator, scheduled jobs. */
    static final AuditActor SYSTEM = named("system");

    /** The signed-in person, or {@code system} when nobody is signed in. */
    public static AuditActor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor actor ? of(actor) : SYSTEM;
    }

    static AuditActor of(Actor actor) {
        return new AuditActor(actor.accountId(), actor.username(), actor.unitId(), actor.unitName());
    }

    /** Someone known only by name, such as the name typed in a failed login. */
    static AuditActor named(String username) {
        return new AuditActor(null, username, null, null);
    }
}
