package org.jianfu.api;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jwt.JWTParser;
import org.jianfu.audit.AuditableEvent;
import org.jianfu.platform.Actor;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients of the configured identity providers (the single sign-on providers, {@code spring.security.oauth2.client.provider.<id>
 * .issuer-uri}) that call the API with an access token from the provider's client-credentials grant. The token must be a JWT
 * the provider signed (checked against its published keys, its issuer and expiry), and its client must be registered by a
 * security admin to a unit's subtree: a client nobody registered is refused, however valid its token.
 */
@Service
class ApiClients {

    private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

    private final JdbcClient jdbc;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    /** A decoder per issuer, made at the first token of that issuer (which reads the provider's discovery document). */
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    ApiClients(JdbcClient jdbc, Units units, ApplicationEventPublisher events, Clock clock,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.registrations = registrations;
    }

    record Client(long id, String provider, String clientId, String name, long unitId, boolean rosterWrite, String registeredBy,
            Instant registeredAt, Instant revokedAt, Instant lastUsedAt) {
    }

    record ClientRegistered(long id, Object after) implements AuditableEvent {
        public String action() { return "api.client-registered"; }
        public String objectType() { return "api-client"; }
        public String objectId() { return Long.toString(id); }
        public Object before() { return null; }
    }

    record ClientRevoked(long id, Object before) implements AuditableEvent {
        public String action() { return "api.client-revoked"; }
        public String objectType() { return "api-client"; }
        public String objectId() { return Long.toString(id); }
        public Object after() { return Map.of("revoked", true); }
    }

    /** The identity providers configured with an issuer, by their id, with the issuer. */
    Map<String, String> providers() {
        var providers = new LinkedHashMap<String, String>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (var registration : all) {
                if (registration instanceof ClientRegistration r && r.getProviderDetails().getIssuerUri() != null) {
                    providers.putIfAbsent(r.getRegistrationId(), r.getProviderDetails().getIssuerUri());
                }
            }
        }
        return providers;
    }

    /** Registers a provider's client to a unit within the security admin's subtree, read-only unless granted the roster write. */
    @Transactional
    long register(Actor securityAdmin, String provider, String clientId, String name, Long unitId, boolean rosterWrite) {
        if (provider == null || !providers().containsKey(provider)) {
            throw new RuleViolation("provider", "api.error.provider-required");
        }
        if (clientId == null || clientId.isBlank() || clientId.strip().length() > 200) {
            throw new RuleViolation("clientId", "api.error.client-id-required");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new RuleViolation("name", "api.error.name-required");
        }
        if (unitId == null) {
            throw new RuleViolation("unitId", "api.error.unit-required");
        }
        var unit = units.getInScope(securityAdmin, unitId);
        if (registered(provider, clientId.strip()).isPresent()) {
            throw new RuleViolation("clientId", "api.error.client-registered");
        }
        var id = jdbc.sql("""
                insert into api_client (provider, client_id, name, unit_id, roster_write, registered_by, registered_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(provider, clientId.strip(), name.strip(), unit.id(), rosterWrite, securityAdmin.username(), utc(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new ClientRegistered(id, Map.of("provider", provider, "clientId", clientId.strip(), "name", name.strip(),
                "unitId", unit.id(), "rosterWrite", rosterWrite)));
        return id;
    }

    @Transactional
    void revoke(Actor securityAdmin, long id) {
        var client = jdbc.sql("select * from api_client where id = ?").param(id).query(ApiClients::map).optional()
                .filter(c -> units.isWithin(securityAdmin.unitId(), c.unitId()))
                .orElseThrow(() -> new RuleViolation(null, "api.error.client-gone"));
        if (client.revokedAt() == null) {
            jdbc.sql("update api_client set revoked_at = ? where id = ?").params(utc(clock.instant()), id).update();
            events.publishEvent(new ClientRevoked(id, Map.of("provider", client.provider(), "clientId", client.clientId(),
                    "unitId", client.unitId())));
        }
    }

    /** The clients registered to units within the security admin's subtree, newest first. */
    @Transactional(readOnly = true)
    List<Client> list(Actor securityAdmin) {
        var area = units.get(securityAdmin.unitId()).path();
        return jdbc.sql("select c.* from api_client c join unit u on u.id = c.unit_id where u.path like ? order by c.id desc limit 500")
                .param(area + "%").query(ApiClients::map).list();
    }

    /** What a bearer token that is no API token turned out to be. */
    sealed interface Verdict {
    }

    /** Not a token of a configured provider, or not valid (signature, issuer, expiry). */
    record Invalid() implements Verdict {
    }

    /** A valid token of a client nobody registered (or whose registration was revoked). */
    record Unregistered(String provider, String clientId) implements Verdict {
    }

    record Registered(ApiClient client) implements Verdict {
    }

    /** Checks a provider's access token and finds its registered client; the use is recorded. */
    @Transactional
    Verdict authenticate(String token) {
        var jwt = decode(token);
        if (jwt.isEmpty()) {
            return new Invalid();
        }
        var provider = jwt.get().provider();
        var clientId = clientIdOf(jwt.get().jwt());
        if (clientId == null) {
            return new Invalid();
        }
        return registered(provider, clientId).<Verdict>map(c -> {
            jdbc.sql("update api_client set last_used_at = ? where id = ?").params(utc(clock.instant()), c.id()).update();
            return new Registered(ApiClient.client(c.id(), c.name(), c.clientId(), c.unitId(), units.get(c.unitId()).name(),
                    c.rosterWrite()));
        }).orElseGet(() -> new Unregistered(provider, clientId));
    }

    private record Decoded(String provider, Jwt jwt) {
    }

    private Optional<Decoded> decode(String token) {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        }
        catch (ParseException e) {
            return Optional.empty();
        }
        var provider = providers().entrySet().stream().filter(p -> p.getValue().equals(issuer)).map(Map.Entry::getKey).findFirst();
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        try {
            var decoder = decoders.computeIfAbsent(issuer, JwtDecoders::fromIssuerLocation);
            return Optional.of(new Decoded(provider.get(), decoder.decode(token)));
        }
        catch (RuntimeException e) { // JwtException, or the provider unreachable or misconfigured
            log.info("API bearer token of {} refused: {}", issuer, e.getMessage());
            return Optional.empty();
        }
    }

    /** The client a client-credentials token was issued to: {@code client_id}, else {@code azp}, else its subject. */
    private static String clientIdOf(Jwt jwt) {
        for (var claim : new String[] { "client_id", "azp", "sub" }) {
            var value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private Optional<Client> registered(String provider, String clientId) {
        return jdbc.sql("select * from api_client where provider = ? and client_id = ? and revoked_at is null")
                .params(provider, clientId).query(ApiClients::map).optional();
    }

    private static Client map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Client(rs.getLong("id"), rs.getString("provider"), rs.getString("client_id"), rs.getString("name"),
                rs.getLong("unit_id"), rs.getBoolean("roster_write"), rs.getString("registered_by"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant());
    }
}
