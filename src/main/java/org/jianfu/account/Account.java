package org.jianfu.account;

import java.time.Instant;

/** A person's login: one unit, one role. */
record Account(
        long id,
        String username,
        String displayName,
        long unitId,
        Role role,
        String email,
        String passwordHash,
        boolean mustChangePassword,
        boolean enabled,
        int failedLoginCount,
        Instant lockedUntil,
        Instant lastLoginAt,
        Instant createdAt,
        int version) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** What the audit trail keeps of an account: never the password hash. */
    Snapshot snapshot() {
        return new Snapshot(id, username, displayName, unitId, role, email, enabled, mustChangePassword, lockedUntil);
    }

    record Snapshot(long id, String username, String displayName, long unitId, Role role, String email, boolean enabled,
            boolean mustChangePassword, Instant lockedUntil) {
    }
}
