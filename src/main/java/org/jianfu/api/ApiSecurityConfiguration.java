package org.jianfu.api;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jianfu.audit.AuditableEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's own door ({@code /api/**}): no session and no cookie, only {@code Authorization: Bearer <token>}, either a token a
 * security admin issued ({@code jf_…}) or an access token of a configured identity provider's client-credentials grant whose
 * client a security admin registered ({@link ApiClients}); at most {@code jianfu.api.requests-per-minute} calls a minute per
 * caller (429 past that, per application instance); reading for every caller, writing (PUT) only for one granted the roster
 * write; every call, answered or refused, is audited. Refusals are answered with a JSON error.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API_CLIENT = "API_CLIENT";
    static final String ROSTER_WRITER = "API_ROSTER_WRITER";

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, ApiClients clients, ApiErrors errors,
            ApplicationEventPublisher events, Clock clock, @Value("${jianfu.api.requests-per-minute:120}") int perMinute)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(API_CLIENT)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(API_CLIENT)
                        .anyRequest().hasRole(ROSTER_WRITER))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens, no cookies: nothing for a forged cross-site request to ride on
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .exceptionHandling(refusals -> refusals
                        .authenticationEntryPoint((request, response, e) -> errors.write(request, response, 401, "api.error.unauthorized"))
                        .accessDeniedHandler((request, response, e) -> errors.write(request, response, 403, "api.error.read-only")))
                .addFilterBefore(new BearerTokens(tokens, clients, errors, events, clock, perMinute), AuthorizationFilter.class);
        return http.build();
    }

    record ApiCalled(String objectType, Long id, Object after) implements AuditableEvent {

        ApiCalled {
            AuditableEvent.listed(objectType, objectTypes());
        }

        static java.util.Set<String> objectTypes() {
            return java.util.Set.of(ApiClient.Kind.TOKEN.objectType(), ApiClient.Kind.CLIENT.objectType());
        }

        public String action() { return "api.called"; }
        public String objectId() { return id == null ? null : Long.toString(id); }
        public Object before() { return null; }
    }

    /** Reads the bearer token, limits the rate, and audits the call once it is answered. */
    static final class BearerTokens extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final ApiClients clients;
        private final ApiErrors errors;
        private final ApplicationEventPublisher events;
        private final Clock clock;
        private final int perMinute;
        private final Map<String, Window> windows = new ConcurrentHashMap<>();

        private record Window(long minute, AtomicInteger calls) {
        }

        BearerTokens(ApiTokens tokens, ApiClients clients, ApiErrors errors, ApplicationEventPublisher events, Clock clock, int perMinute) {
            this.tokens = tokens;
            this.clients = clients;
            this.errors = errors;
            this.events = events;
            this.clock = clock;
            this.perMinute = perMinute;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var header = request.getHeader("Authorization");
            var bearer = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
            ApiClients.Verdict verdict = bearer.startsWith(ApiTokens.PREFIX)
                    ? tokens.authenticate(bearer).<ApiClients.Verdict>map(ApiClients.Registered::new).orElseGet(ApiClients.Invalid::new)
                    : bearer.isEmpty() ? new ApiClients.Invalid() : clients.authenticate(bearer);
            if (verdict instanceof ApiClients.Unregistered unregistered) {
                errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "api.error.client-unregistered");
                audit(ApiClient.Kind.CLIENT.objectType(), null, request, response.getStatus(),
                        Map.of("provider", unregistered.provider(), "clientId", unregistered.clientId()));
                return;
            }
            if (!(verdict instanceof ApiClients.Registered registered)) {
                errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.error.unauthorized");
                audit(ApiClient.Kind.TOKEN.objectType(), null, request, response.getStatus(), Map.of());
                return;
            }
            var caller = registered.client();
            var authorities = new ArrayList<SimpleGrantedAuthority>();
            authorities.add(new SimpleGrantedAuthority("ROLE_" + API_CLIENT));
            if (caller.rosterWrite()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + ROSTER_WRITER));
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities));
            SecurityContextHolder.setContext(context);
            try {
                if (!allowed(caller)) {
                    response.setHeader("Retry-After", "60");
                    errors.write(request, response, 429, "api.error.rate");
                }
                else if (!reads(request) && !caller.rosterWrite()) {
                    // refused here rather than by the authorization rule below it, so that the refusal is audited with its status
                    errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "api.error.read-only");
                }
                else {
                    chain.doFilter(request, response);
                }
            }
            finally {
                audit(caller.kind().objectType(), caller.id(), request, response.getStatus(), Map.of());
                SecurityContextHolder.clearContext();
            }
        }

        private static boolean reads(HttpServletRequest request) {
            return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        }

        private boolean allowed(ApiClient caller) {
            var minute = clock.millis() / 60_000;
            var window = windows.compute(caller.kind() + ":" + caller.id(),
                    (id, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
            return window.calls().incrementAndGet() <= perMinute;
        }

        private void audit(String objectType, Long id, HttpServletRequest request, int status, Map<String, String> more) {
            var query = request.getQueryString();
            var after = new LinkedHashMap<String, Object>();
            after.put("method", request.getMethod());
            after.put("path", request.getRequestURI() + (query == null ? "" : "?" + query));
            after.put("status", status);
            after.putAll(more);
            events.publishEvent(new ApiCalled(objectType, id, after));
        }
    }
}
