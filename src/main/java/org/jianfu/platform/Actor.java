package org.jianfu.platform;

/**
 * The signed-in person as other modules see it: who they are and which unit they act for. Roles come
 * from Spring Security's authorities; this carries only what audit rows and scope checks need.
 */
public interface Actor {

    long accountId();

    String username();

    String displayName();

    long unitId();

    String unitName();
}
