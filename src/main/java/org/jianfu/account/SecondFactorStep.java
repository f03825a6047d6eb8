package org.jianfu.account;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The step between the password and the pages. After a password login, an account whose role needs a second
 * factor ({@link SecurityPolicies}) is signed in without any role's authority and every page leads to the
 * second-factor page until a code is given; then the session gets its role (and a new id).
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorStep implements AuthenticationSuccessHandler, HandlerInterceptor, WebMvcConfigurer {

    static final String PAGE = "/account/second-factor";

    private final SecurityPolicies policies;
    private final SecondFactors secondFactors;
    private final HttpSessionSecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    SecondFactorStep(SecurityPolicies policies, SecondFactors secondFactors) {
        this.policies = policies;
        this.secondFactors = secondFactors;
    }

    private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

    /**
     * A page refused by its role's rule: someone still to give their second factor holds no role yet, so they are sent
     * to the second-factor page (as every page sends them) rather than told they may not; anyone else gets the 403.
     */
    void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal && principal.secondFactorPending()) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        denied.handle(request, response, refusal);
    }

    /** The role needs a second factor, or its owner enrolled one of their own accord (while second factors are on). */
    private boolean asks(AccountPrincipal principal) {
        return policies.needsSecondFactor(principal.role())
                || policies.secondFactorRequired() && secondFactors.enrolled(principal.accountId());
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        signInAfterLogin(authentication, request, response);
    }

    /**
     * After a password or single sign-on login: the session holds the account (waiting for the second factor when its
     * role needs one) and the browser goes to the home page or the second-factor page.
     */
    void signInAfterLogin(Authentication authentication, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (authentication.getPrincipal() instanceof AccountPrincipal principal && asks(principal)) {
            signIn(principal.withSecondFactorPending(true), authentication.getDetails(), request, response);
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        save(authentication, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }

    /** The second factor was given: the session gets the account's role under a new session id. */
    void passed(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        var details = SecurityContextHolder.getContext().getAuthentication().getDetails();
        request.changeSessionId();
        signIn(principal.withSecondFactorPending(false), details, request, response);
    }

    private void signIn(AccountPrincipal principal, Object details, HttpServletRequest request, HttpServletResponse response) {
        var token = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        token.setDetails(details);
        save(token, request, response);
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(-1).excludePathPatterns(PAGE, PAGE + "/**", "/login", "/logout", "/error",
                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal && principal.secondFactorPending()) {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + PAGE);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return false;
        }
        return true;
    }
}
