package org.jianfu.test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The routes the application maps, read from Spring MVC's handler mappings, written {@code METHOD /pattern} with
 * {@code " [htmx]"} after the routes only htmx requests reach; and the check that a list of routes covers them,
 * so that a new route cannot be left out of the access matrix or the page benchmark unnoticed.
 */
public final class PageRoutes {

    public static final String HTMX = " [htmx]";

    private PageRoutes() {
    }

    /** Every handler method's routes: each pattern with each method (GET where none is named), htmx-only ones marked. */
    public static List<String> mapped(ApplicationContext context) {
        var routes = new TreeSet<String>();
        for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of(RequestMethod.GET)
                        : info.getMethodsCondition().getMethods();
                var htmx = info.getCustomCondition() != null && info.getCustomCondition().toString().contains("HX-Request")
                        || info.getHeadersCondition().toString().contains("HX-Request");
                for (var pattern : info.getPatternValues()) {
                    for (var method : methods) {
                        // {format:xlsx|docx} is written {format}
                        routes.add(method + " " + pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}") + (htmx ? HTMX : ""));
                    }
                }
            }
        }
        return List.copyOf(routes);
    }

    /** The GET routes among the mapped ones: the pages, files and fragments one can open. */
    public static List<String> gets(Collection<String> mapped) {
        return mapped.stream().filter(route -> route.startsWith("GET ")).sorted().toList();
    }

    /** What a list of routes misses of the mapped ones, and what it names that is not mapped (or names twice). */
    public record Coverage(List<String> missing, List<String> stale, List<String> twice) {

        public boolean complete() {
            return missing.isEmpty() && stale.isEmpty() && twice.isEmpty();
        }

        @Override
        public String toString() {
            var text = new StringBuilder();
            missing.forEach(route -> text.append("  not timed and not excluded: ").append(route).append('\n'));
            stale.forEach(route -> text.append("  named but not mapped: ").append(route).append('\n'));
            twice.forEach(route -> text.append("  both timed and excluded: ").append(route).append('\n'));
            return text.toString();
        }
    }

    /**
     * Whether the routes a benchmark times and the ones it leaves out on purpose (with a reason each) are exactly the
     * mapped GET routes.
     */
    public static Coverage coverage(Collection<String> mappedGets, Set<String> timed, Map<String, String> excluded) {
        var named = new TreeSet<String>(timed);
        named.addAll(excluded.keySet());
        var missing = mappedGets.stream().filter(route -> !named.contains(route)).sorted().toList();
        var stale = named.stream().filter(route -> !mappedGets.contains(route)).toList();
        var twice = timed.stream().filter(excluded::containsKey).sorted().toList();
        return new Coverage(missing, stale, twice);
    }
}
