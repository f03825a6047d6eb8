package org.jianfu.account;

import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Who may reach which URL. Pages check the unit scope themselves; here the role decides which areas
 * are open at all. The administration (system admin), security (security admin) and audit (audit admin) areas
 * are three separate duties with separate roles (三员分立).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PasswordPolicyProperties.class, SsoProperties.class })
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final String[] EVERYONE_BUT_AUDITOR = {
            Role.CITY_ADMIN.name(), Role.DISTRICT_REPORTER.name(), Role.DISTRICT_APPROVER.name(),
            Role.DEPARTMENT_USER.name(), Role.SCHOOL_USER.name(), Role.SUPERVISOR.name(), Role.SYSTEM_ADMIN.name(),
            Role.SECURITY_ADMIN.name() };

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecondFactorStep secondFactorStep,
            ObjectProvider<ClientRegistrationRepository> registrations, AccountIdentities identities, AccountUserDetailsService users,
            AccountRepository accounts, SsoProperties ssoProperties, java.time.Clock clock) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/login", "/error", "/actuator/health").permitAll()
                        // Whatever else the actuator may expose, no role reaches it over the web.
                        .requestMatchers("/actuator", "/actuator/**").denyAll()
                        // The published whitelist, verification and anonymous reports (whitelist module).
                        .requestMatchers(PublicPagesCsrfTokenRepository.PUBLIC_PREFIX + "**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.SYSTEM_ADMIN.name())
                        .requestMatchers("/security/**").hasRole(Role.SECURITY_ADMIN.name())
                        .requestMatchers("/audit/**").hasRole(Role.AUDIT_ADMIN.name())
                        // a unit's seal is uploaded by the unit's own approver, never by an administrator
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/units/*/seal").hasRole(Role.DISTRICT_APPROVER.name())
                        .requestMatchers("/units/**").hasAnyRole(EVERYONE_BUT_AUDITOR)
                        .anyRequest().authenticated())
                // CSRF stays on everywhere; for anonymous visitors and under /public/ the token is kept in a
                // cookie, so no visitor gets a session (a row in spring_session) before logging in.
                .csrf(csrf -> csrf.csrfTokenRepository(new PublicPagesCsrfTokenRepository()))
                // A login always lands on the home page, so the page asked for before it need not be kept.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .formLogin(login -> login
                        .loginPage("/login")
                        .failureHandler(failureWithoutSession(Map.of(
                                LocalLoginDisabledException.class.getName(), "/login?local-off")))
                        // to the home page, or first to the second-factor page for those who need one
                        .successHandler(secondFactorStep)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        // someone still to give their second factor is sent to it, not refused
                        .accessDeniedHandler(secondFactorStep::refused)
                        // An htmx request whose session has expired reloads the page, which then shows the
                        // login; every other request is sent to the login page.
                        .authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                new RequestMatcherEntry<>(new RequestHeaderRequestMatcher("HX-Request"),
                                        new HxRefreshHeaderAuthenticationEntryPoint()))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        var registrationRepository = registrations.getIfAvailable();
        if (registrationRepository != null) {
            var sso = new SingleSignOn(identities, users, accounts, ssoProperties, secondFactorStep, registrationRepository, clock);
            // single sign-on with the configured OpenID Connect providers, next to the local login
            http.oauth2Login(login -> login
                            .loginPage("/login")
                            .userInfoEndpoint(info -> info.oidcUserService(sso))
                            .successHandler(sso)
                            .failureHandler(failureWithoutSession(Map.of())))
                    .logout(logout -> logout.logoutSuccessHandler(sso));
        }
        return http.build();
    }

    /**
     * The login page says "wrong name or password" (or why else the login failed) from the URL; the exception need not
     * be kept in a session. A provider's subject linked to no account comes back as {@code sso-unlinked}.
     */
    private static ExceptionMappingAuthenticationFailureHandler failureWithoutSession(Map<String, String> urls) {
        var handler = new ExceptionMappingAuthenticationFailureHandler() {
            @Override
            public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    org.springframework.security.core.AuthenticationException exception)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                if (exception instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth) {
                    getRedirectStrategy().sendRedirect(request, response,
                            SingleSignOn.NOT_LINKED.equals(oauth.getError().getErrorCode()) ? "/login?sso-unlinked" : "/login?sso-error");
                    return;
                }
                super.onAuthenticationFailure(request, response, exception);
            }
        };
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(urls);
        handler.setAllowSessionCreation(false);
        return handler;
    }

    /**
     * No observation of each security filter, authentication and authorization: nothing reads them (the actuator
     * exposes health only), and wrapping every filter of the chain took a tenth of the time of a public page.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm named in each hash so it can be upgraded without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
