package org.jianfu.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The login check: username and password as usual, but not at all from a client address that
 * {@link LoginAttempts} refuses for now. Such an attempt fails as a wrong password would (and is counted
 * and audited as one), so the answer reveals nothing. When local passwords are turned off ({@code jianfu.sso.local-login:
 * false}), a right password of anyone but a system, security or audit admin (the break-glass accounts) is refused
 * with a pointer to single sign-on.
 */
@Component
class AddressThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final SsoProperties sso;

    AddressThrottledAuthentication(AccountUserDetailsService users, PasswordEncoder encoder, LoginAttempts attempts, SsoProperties sso) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.attempts = attempts;
        this.sso = sso;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && attempts.addressRefused(details.getRemoteAddress())) {
            throw new BadCredentialsException("too many failed logins from this address");
        }
        var result = passwords.authenticate(authentication);
        // with local passwords turned off, only the break-glass administrators still log in with one
        if (!sso.localLogin() && result.getPrincipal() instanceof AccountPrincipal principal && !principal.role().administrator()) {
            throw new LocalLoginDisabledException();
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
