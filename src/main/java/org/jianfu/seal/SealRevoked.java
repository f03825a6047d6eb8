package org.jianfu.seal;

/** A seal was revoked, inside the revoking transaction: what it sealed now verifies as sealed by a revoked seal. */
public record SealRevoked(long sealId, long unitId) {
}
