package org.jianfu.api;

import java.io.Serial;
import java.io.Serializable;

import org.jianfu.platform.Actor;

/**
 * A caller of the API: a token a security admin issued, or a client of the identity provider a security admin registered.
 * The audit trail names it {@code api:<token name>} or {@code api-client:<client id>} (no account: id 0); it reads only the
 * subtree of its unit, and writes a school's roster there only when granted the roster write.
 */
record ApiClient(Kind kind, long id, String name, String username, long unitId, String unitName, boolean rosterWrite)
        implements Actor, Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    enum Kind {
        /** An API token ({@code jf_…}), see {@link ApiTokens}. */
        TOKEN("api-token"),
        /** A client of the identity provider, by its client-credentials token, see {@link ApiClients}. */
        CLIENT("api-client");

        private final String objectType;

        Kind(String objectType) {
            this.objectType = objectType;
        }

        /** How the audit trail names this kind of caller. */
        String objectType() {
            return objectType;
        }
    }

    static ApiClient token(long id, String name, long unitId, String unitName, boolean rosterWrite) {
        return new ApiClient(Kind.TOKEN, id, name, "api:" + name, unitId, unitName, rosterWrite);
    }

    static ApiClient client(long id, String name, String clientId, long unitId, String unitName, boolean rosterWrite) {
        return new ApiClient(Kind.CLIENT, id, name, "api-client:" + clientId, unitId, unitName, rosterWrite);
    }

    @Override public long accountId() { return 0; }
    @Override public String displayName() { return name; }
}
