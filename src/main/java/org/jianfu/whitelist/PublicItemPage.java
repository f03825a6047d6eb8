package org.jianfu.whitelist;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The verification page of a listed item for an anonymous visitor, rendered from the same template and model as
 * {@link PublicWhitelistController#item} but without the MVC dispatch (handler lookup, path matching, argument
 * resolution, the controller advices, which all give nothing to an anonymous visitor): the page every school gate
 * hits when the page cache does not have it. It runs after the security filters, so the security headers, the
 * CSRF and session handling are those of every other page; a signed-in visitor (whose page has their menu and
 * buttons), an unknown code (the "not listed" page) and any request with a parameter go to the controller.
 */
class PublicItemPage extends OncePerRequestFilter {

    private final Whitelist whitelist;
    private final Clock clock;
    private final LocaleResolver locales;
    private final ThymeleafViewResolver views;

    PublicItemPage(Whitelist whitelist, Clock clock, LocaleResolver locales, ThymeleafViewResolver views) {
        this.whitelist = whitelist;
        this.clock = clock;
        this.locales = locales;
        this.views = views;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PublicPageCache.isItemPageGet(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var listing = SecurityContextHolder.getContext().getAuthentication() instanceof AnonymousAuthenticationToken
                ? whitelist.listed(request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1))
                : Optional.<Whitelist.Listing>empty();
        if (listing.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        PublicPageCache.renderedAt(request, listing.get().version());
        // As the dispatcher servlet does before rendering: the view and its messages ask the resolver for the language.
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        var locale = locales.resolveLocale(request);
        var previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            response.setLocale(locale);
            var model = new HashMap<>(PublicWhitelistController.itemModel(listing.get(), LocalDate.now(clock)));
            model.put("signedIn", false); // the layout need not ask Spring Security
            var page = new WholePage(response);
            views.resolveViewName(PublicWhitelistController.ITEM_VIEW, locale).render(model, request, page);
            page.send();
        }
        catch (IOException | ServletException | RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new ServletException(e);
        }
        finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    /**
     * Takes the rendered page as text and sends it encoded in one step: written through the servlet writer, the
     * page (mostly Chinese) was encoded a character at a time, 8 % of the page's CPU. Thymeleaf hands over the whole
     * page in one string (it renders a page whole before sending it): that string is kept as it is, not copied.
     */
    private static final class WholePage extends HttpServletResponseWrapper {

        private final Text text = new Text();
        private final PrintWriter writer = new PrintWriter(text);

        WholePage(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("the item page is written as text");
        }

        void send() throws IOException {
            writer.flush();
            var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            var response = getResponse();
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** What was written: the one string written, or all of them joined when there were several. */
    private static final class Text extends Writer {

        private String only = "";
        private StringBuilder joined;

        @Override
        public void write(String string, int offset, int length) {
            if (joined == null && only.isEmpty() && offset == 0 && length == string.length()) {
                only = string;
            }
            else {
                joined().append(string, offset, offset + length);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            joined().append(chars, offset, length);
        }

        private StringBuilder joined() {
            if (joined == null) {
                joined = new StringBuilder(only);
            }
            return joined;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return joined == null ? only : joined.toString();
        }
    }

    // Only where pages are served: a context started without a web server (e.g. to open the embedded database) has no
    // view resolver.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Registration {

        /** Right after the security filters, which decide who the visitor is and write the security headers. */
        @Bean
        FilterRegistrationBean<PublicItemPage> publicItemPage(Whitelist whitelist, Clock clock, LocaleResolver localeResolver,
                ThymeleafViewResolver thymeleafViewResolver) {
            var registration = new FilterRegistrationBean<>(new PublicItemPage(whitelist, clock, localeResolver, thymeleafViewResolver));
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
            registration.addUrlPatterns("/public/whitelist/*");
            return registration;
        }
    }
}
