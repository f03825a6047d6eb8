package org.jianfu.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers 503 with a short page of its own when a request fails because PostgreSQL cannot be reached. Sessions
 * live in PostgreSQL, so such a failure often comes from the session filter before any controller runs;
 * this filter therefore sits in front of it, and its page ({@link ContainerErrorPages}) touches neither the session nor the database.
 * The pool gives up on a connection after {@code spring.datasource.hikari.connection-timeout} (2 s), so
 * an outage costs a visitor seconds, not a hung page.
 */
class DatabaseUnavailableFilter implements Filter {

    static final String RETRY_AFTER_SECONDS = "10";

    /** Set by {@link PageSent} once the application has answered without failing. */
    static final String PAGE_SENT = DatabaseUnavailableFilter.class.getName() + ".PAGE_SENT";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ContainerErrorPages pages;
    private final LocaleResolver locales;

    DatabaseUnavailableFilter(ContainerErrorPages pages, LocaleResolver locales) {
        this.pages = pages;
        this.locales = locales;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException | RuntimeException e) {
            if (databaseUnreachable(e) && response.isCommitted() && request.getAttribute(PAGE_SENT) != null) {
                // The page was complete; only the session's bookkeeping after it (its last access) could not be
                // written. Rethrowing would make the container cut the finished response off.
                log.warn("Database unreachable after {} was answered; its session was not updated: {}",
                        ((HttpServletRequest) request).getRequestURI(), rootMessage(e));
                return;
            }
            if (!databaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unreachable, answered 503 to {}: {}", ((HttpServletRequest) request).getRequestURI(), rootMessage(e));
            answer((HttpServletRequest) request, (HttpServletResponse) response);
        }
    }

    /** Whether PostgreSQL cannot be reached, or no connection was free within the pool's timeout. */
    static boolean databaseUnreachable(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return GuardedDataSource.connectionLost(failure);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator")) {
            response.setContentType("application/json");
            response.getOutputStream().write("{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(pages.page(HttpServletResponse.SC_SERVICE_UNAVAILABLE, locales.resolveLocale(request))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The last filter before the application: marks a request that the application answered without failing,
     * so that a failure after it (Spring Session saving the session once the page is out) is told from one in it.
     */
    static class PageSent implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            chain.doFilter(request, response);
            request.setAttribute(PAGE_SENT, Boolean.TRUE);
        }
    }
}
