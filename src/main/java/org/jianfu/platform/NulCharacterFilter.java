package org.jianfu.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL cannot store the NUL character ("invalid byte sequence for encoding UTF8: 0x00"), and no
 * person types one: a request with NUL in a query parameter or form field is refused with a 400 page
 * before anything reads it, the login included. Tomcat itself refuses NUL in the path. Multipart bodies
 * are left to the upload handling (reading them here would parse every upload twice); a NUL in one of
 * their text fields is caught when the database refuses it ({@link BadInputAdvice}).
 */
class NulCharacterFilter extends OncePerRequestFilter {

    private final ContainerErrorPages pages;

    NulCharacterFilter(ContainerErrorPages pages) {
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (carriesNul(request)) {
                ErrorPages.explain(request, "error.input.nul");
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        catch (InvalidParameterException unreadable) {
            // A form larger than the connector's maxPostSize (413) or not decodable (400). Tomcat throws the same
            // exception again to whoever reads a parameter next, the error page included, so the page is written here.
            var status = unreadable.getErrorCode() > 0 ? unreadable.getErrorCode() : HttpServletResponse.SC_BAD_REQUEST;
            response.setStatus(status);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(pages.page(status));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesNul(HttpServletRequest request) {
        var contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            var query = request.getQueryString();
            return query != null && query.contains("%00");
        }
        for (var parameter : request.getParameterMap().entrySet()) {
            if (hasNul(parameter.getKey())) {
                return true;
            }
            for (var value : parameter.getValue()) {
                if (hasNul(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }
}
