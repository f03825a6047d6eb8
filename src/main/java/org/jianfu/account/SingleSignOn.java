package org.jianfu.account;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single sign-on with OpenID Connect. After the provider's redirect, the code exchange and the ID token's validation
 * (Spring Security's), the provider's subject must be linked to an account: by a security admin, or at this first login
 * by a verified claim the operator chose ({@link SsoProperties}). No account is ever created by a login. The session
 * then holds the account as after a password login (the second-factor step included). Logout ends the local session
 * and, where the provider announces an {@code end_session_endpoint}, the provider's (RP-initiated logout).
 */
class SingleSignOn extends OidcUserService implements AuthenticationSuccessHandler, LogoutSuccessHandler {

    static final String NOT_LINKED = "account_not_linked";

    private final AccountIdentities identities;
    private final AccountUserDetailsService users;
    private final AccountRepository accounts;
    private final SsoProperties properties;
    private final SecondFactorStep secondFactorStep;
    private final ClientRegistrationRepository registrations;
    private final Clock clock;

    SingleSignOn(AccountIdentities identities, AccountUserDetailsService users, AccountRepository accounts, SsoProperties properties,
            SecondFactorStep secondFactorStep, ClientRegistrationRepository registrations, Clock clock) {
        this.identities = identities;
        this.users = users;
        this.accounts = accounts;
        this.properties = properties;
        this.secondFactorStep = secondFactorStep;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** The provider's user, known to be linked to an account; named by the account's username. */
    static final class LinkedUser extends DefaultOidcUser {
        @Serial
        private static final long serialVersionUID = 1L;
        private final String username;

        LinkedUser(OidcUser user, String username) {
            super(List.of(), user.getIdToken(), user.getUserInfo(), "sub");
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }
    }

    /** Kept with the session's authentication: which provider, and the ID token to end the provider's session with. */
    record SsoLogin(String registrationId, String idToken) implements Serializable {
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var user = super.loadUser(request);
        var provider = request.getClientRegistration().getRegistrationId();
        var account = identities.accountOf(provider, user.getSubject()).or(() -> linkByClaim(provider, user));
        if (account.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NOT_LINKED,
                    "no account is linked to subject " + user.getSubject() + " of " + provider, null));
        }
        return new LinkedUser(user, account.get().username());
    }

    /** The operator's claim (e.g. {@code email}), when the provider vouches for it, matched to one account. */
    private Optional<Account> linkByClaim(String provider, OidcUser user) {
        var claim = properties.provider(provider).linkClaim();
        if (claim == null || claim.isBlank()) {
            return Optional.empty();
        }
        var value = user.getClaimAsString(claim);
        var verified = user.getClaims().get(claim + "_verified");
        // a claim the provider marks unverified never links; an e-mail address must be marked verified
        if (value == null || Boolean.FALSE.equals(verified) || "email".equals(claim) && !Boolean.TRUE.equals(verified)) {
            return Optional.empty();
        }
        var account = "email".equals(claim) ? identities.byEmail(value)
                : accounts.findByUsername(value.strip().toLowerCase(java.util.Locale.ROOT)).filter(Account::enabled);
        account.ifPresent(a -> identities.link(a.id(), provider, user.getSubject(), "claim:" + claim));
        return account;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        var user = (LinkedUser) authentication.getPrincipal();
        var principal = (AccountPrincipal) users.loadUserByUsername(user.getName());
        if (!principal.isEnabled() || !principal.isAccountNonLocked()) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        // signed in by the provider: a one-time local password still to be changed is not this login's business
        principal = principal.withPasswordChanged();
        var token = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var registrationId = ((org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken) authentication)
                .getAuthorizedClientRegistrationId();
        token.setDetails(new SsoLogin(registrationId, user.getIdToken().getTokenValue()));
        accounts.recordSuccessfulLogin(principal.accountId(), clock.instant());
        secondFactorStep.signInAfterLogin(token, request, response);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        var back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString()).replacePath(request.getContextPath() + "/login")
                .replaceQuery("logout").build().toUriString();
        if (authentication != null && authentication.getDetails() instanceof SsoLogin sso) {
            var registration = registrations.findByRegistrationId(sso.registrationId());
            var endSession = registration == null ? null
                    : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
            if (endSession != null) {
                response.sendRedirect(UriComponentsBuilder.fromUriString(endSession.toString())
                        .queryParam("id_token_hint", sso.idToken())
                        .queryParam("post_logout_redirect_uri", back)
                        .queryParam("client_id", registration.getClientId())
                        .encode(StandardCharsets.UTF_8).build().toUriString());
                return;
            }
        }
        response.sendRedirect(request.getContextPath() + "/login?logout");
    }
}
