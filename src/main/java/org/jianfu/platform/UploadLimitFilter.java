package org.jianfu.platform;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload larger than the servlet container accepts at all (spring.servlet.multipart) never reaches a
 * controller, and its form fields cannot be read either, the CSRF token included: left alone, Spring
 * Security would refuse it with a 403. So the parts are read here, before the security filters; when they
 * are too large the person is sent back to the page they came from with a message instead. Tomcat reads
 * and discards the rest of the body (server.tomcat.max-swallow-size), so the browser gets that answer
 * rather than a reset connection.
 */
@Component
@Order(-101) // just before Spring Security's filter chain (-100), after the session repository's
class UploadLimitFilter extends OncePerRequestFilter {

    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            // Parses the parts now (the container keeps them for the controller), as the CSRF check would.
            new StandardMultipartHttpServletRequest(request);
        }
        catch (MaxUploadSizeExceededException tooLarge) {
            backWithMessage(request, response, "error.upload-too-large");
            return;
        }
        catch (org.springframework.web.multipart.MultipartException malformed) {
            // A body the container cannot take apart (a NUL in a file name, a broken boundary): nothing in it can be
            // read, the CSRF token included, so nothing is done with it either.
            backWithMessage(request, response, "error.upload-malformed");
            return;
        }
        chain.doFilter(request, response);
    }

    private void backWithMessage(HttpServletRequest request, HttpServletResponse response, String messageKey) throws IOException {
        var target = sameSiteReferer(request);
        if (request.getSession(false) != null) {
            var flash = new FlashMap();
            flash.put("failure", messageKey);
            flash.setTargetRequestPath(URI.create(target).getPath());
            flashMaps.saveOutputFlashMap(flash, request, response);
        }
        response.sendRedirect(target);
    }

    private static String sameSiteReferer(HttpServletRequest request) {
        var referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                var uri = URI.create(referer);
                if (request.getScheme().equals(uri.getScheme()) && request.getServerName().equals(uri.getHost())
                        && request.getServerPort() == (uri.getPort() < 0 ? uri.toURL().getDefaultPort() : uri.getPort())) {
                    return referer;
                }
            }
            catch (IllegalArgumentException | java.net.MalformedURLException e) {
                // not a usable address: go home instead
            }
        }
        return request.getContextPath() + "/";
    }
}
