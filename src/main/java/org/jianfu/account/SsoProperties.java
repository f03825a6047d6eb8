package org.jianfu.account;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings beside Spring Security's own client registrations
 * ({@code spring.security.oauth2.client.registration.<id>.client-id} / {@code client-secret} / {@code scope}, and
 * {@code spring.security.oauth2.client.provider.<id>.issuer-uri}).
 *
 * @param localLogin whether accounts may log in with a local password; when false only the break-glass
 *        administrators (system, security and audit admins) still can
 * @param providers per registration id: the name the login page shows, and the claim (e.g. {@code email}) whose
 *        verified value links an account at its first login; none links only by a security admin
 */
@ConfigurationProperties("jianfu.sso")
record SsoProperties(@DefaultValue("true") boolean localLogin, Map<String, Provider> providers) {

    SsoProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    record Provider(String label, String linkClaim) {
    }

    Provider provider(String registrationId) {
        return providers.getOrDefault(registrationId, new Provider(null, null));
    }
}
