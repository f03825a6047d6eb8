package org.jianfu.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/** The configured identity providers, as the login page and the security admin's link form offer them. */
@Component
class SsoProviders {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final SsoProperties properties;

    SsoProviders(ObjectProvider<ClientRegistrationRepository> registrations, SsoProperties properties) {
        this.registrations = registrations;
        this.properties = properties;
    }

    /** One provider: its registration id (in the login URL) and the name shown. */
    record Provider(String id, String label) {
    }

    List<Provider> all() {
        var list = new ArrayList<Provider>();
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (var registration : configured) {
                var r = (ClientRegistration) registration;
                var label = properties.provider(r.getRegistrationId()).label();
                list.add(new Provider(r.getRegistrationId(), label != null ? label : r.getClientName()));
            }
        }
        return list;
    }

    boolean localLogin() {
        return properties.localLogin();
    }
}
