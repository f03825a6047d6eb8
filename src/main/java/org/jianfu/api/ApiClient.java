package org.jianfu.api;

import java.io.Serial;
import java.io.Serializable;

import org.jianfu.platform.Actor;

/**
 * A caller of the API, known by its token: the audit trail names it {@code api:<token name>} (no account: id 0), and
 * it reads only the subtree of the token's unit.
 */
record ApiClient(long tokenId, String name, long unitId, String unitName) implements Actor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override public long accountId() { return 0; }
    @Override public String username() { return "api:" + name; }
    @Override public String displayName() { return name; }
}
