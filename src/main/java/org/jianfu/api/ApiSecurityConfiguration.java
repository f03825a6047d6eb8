package org.jianfu.api;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's own door ({@code /api/**}): no session and no cookie, only {@code Authorization: Bearer <token>} of a token a
 * security admin issued; at most {@code jianfu.api.requests-per-minute} calls a minute per token (429 past that, per
 * application instance); every call, answered or refused, is audited.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API_CLIENT = "API_CLIENT";

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, ApplicationEventPublisher events, Clock clock,
            @Value("${jianfu.api.requests-per-minute:120}") int perMinute) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(API_CLIENT))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens, no cookies: nothing for a forged cross-site request to ride on
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED))
                        .accessDeniedHandler((request, response, e) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED)))
                .addFilterBefore(new BearerTokens(tokens, events, clock, perMinute), AuthorizationFilter.class);
        return http.build();
    }

    record ApiCalled(long tokenId, Object after) implements AuditableEvent {
        public String action() { return "api.called"; }
        public String objectType() { return "api-token"; }
        public String objectId() { return tokenId == 0 ? null : Long.toString(tokenId); }
        public Object before() { return null; }
    }

    /** Reads the bearer token, limits the rate, and audits the call once it is answered. */
    static final class BearerTokens extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final ApplicationEventPublisher events;
        private final Clock clock;
        private final int perMinute;
        private final Map<Long, Window> windows = new ConcurrentHashMap<>();

        private record Window(long minute, AtomicInteger calls) {
        }

        BearerTokens(ApiTokens tokens, ApplicationEventPublisher events, Clock clock, int perMinute) {
            this.tokens = tokens;
            this.events = events;
            this.clock = clock;
            this.perMinute = perMinute;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var header = request.getHeader("Authorization");
            var client = header != null && header.startsWith("Bearer ") ? tokens.authenticate(header.substring(7).strip())
                    : java.util.Optional.<ApiClient>empty();
            if (client.isEmpty()) {
                audit(0, request, HttpServletResponse.SC_UNAUTHORIZED);
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            var caller = client.get();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + API_CLIENT))));
            SecurityContextHolder.setContext(context);
            try {
                if (!allowed(caller.tokenId())) {
                    response.setHeader("Retry-After", "60");
                    response.sendError(429);
                }
                else {
                    chain.doFilter(request, response);
                }
                audit(caller.tokenId(), request, response.getStatus());
            }
            finally {
                SecurityContextHolder.clearContext();
            }
        }

        private boolean allowed(long tokenId) {
            var minute = clock.millis() / 60_000;
            var window = windows.compute(tokenId, (id, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
            return window.calls().incrementAndGet() <= perMinute;
        }

        private void audit(long tokenId, HttpServletRequest request, int status) {
            var query = request.getQueryString();
            events.publishEvent(new ApiCalled(tokenId, Map.of("method", request.getMethod(),
                    "path", request.getRequestURI() + (query == null ? "" : "?" + query), "status", status)));
        }
    }
}
