package org.jianfu.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to the list being shown with one parameter changed and every other filter kept, so that paging and the
 * summary's counts keep what the URL asked for (a link can be shared, the back button returns to the same rows).
 */
public record ListLinks(String path, String query) {

    public static ListLinks of(HttpServletRequest request) {
        return new ListLinks(request.getRequestURI(), request.getQueryString());
    }

    /** The same list at another page (the first page without the parameter). */
    public String page(int page) {
        return page("page", page);
    }

    /** The same list with another page of what the named parameter pages (a summary paged apart from the list). */
    public String page(String parameter, int page) {
        var link = builder();
        link.replaceQueryParam(parameter, page == 0 ? new Object[0] : new Object[] { page });
        return link.build().toUriString();
    }

    /** The same list with one filter set (or cleared, for null), from its first page. */
    public String with(String name, Object value) {
        var link = builder().replaceQueryParam("page");
        link.replaceQueryParam(name, value == null ? new Object[0] : new Object[] { value });
        return link.build().toUriString();
    }

    private UriComponentsBuilder builder() {
        return UriComponentsBuilder.fromPath(path).query(query);
    }
}
