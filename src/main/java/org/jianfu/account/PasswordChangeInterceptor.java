package org.jianfu.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An account created or reset by an administrator holds a password someone else has seen; until its
 * owner changes it, every page leads to the change-password page.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String CHANGE_PASSWORD = "/account/password";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(CHANGE_PASSWORD, SecondFactorStep.PAGE, SecondFactorStep.PAGE + "/**", "/login", "/logout", "/error",
                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal && principal.mustChangePassword()) {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + CHANGE_PASSWORD);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            else {
                response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
            }
            return false;
        }
        return true;
    }
}
