package org.jianfu.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.PageRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every route the application maps (read from Spring MVC's handler mappings, so a new route cannot be
 * forgotten) is called by every role and anonymously, on objects of the actor's own district and of
 * another district, and must be allowed or refused exactly as {@link AccessMatrix} says. A refused
 * request that would change something must leave the audit trail, and so the data, untouched.
 */
@JianfuIntegrationTest
@Import(MatrixObjects.class)
class AccessMatrixTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired MatrixObjects objects;

    /** The matrix and its objects, made once for both tests. */
    private static AccessMatrix matrix;

    private AccessMatrix matrix() {
        if (matrix == null) {
            matrix = new AccessMatrix(objects);
        }
        return matrix;
    }

    List<String> mappedRoutes() {
        return PageRoutes.mapped(context);
    }

    @Test
    void everyMappedRouteHasAnEntryInTheMatrix() {
        var written = matrix().rows().keySet();
        var mapped = mappedRoutes();
        assertThat(mapped.stream().filter(route -> !written.contains(route))).as("routes with no row in AccessMatrix").isEmpty();
        assertThat(written.stream().filter(route -> !mapped.contains(route))).as("rows in AccessMatrix for routes that no longer exist")
                .isEmpty();
    }

    @Test
    void everyRouteAllowsOrRefusesEveryRoleOnItsOwnAndAnotherDistrictAsTheMatrixSays() throws Exception {
        var matrix = matrix();
        var principals = new EnumMap<AccessMatrix.Who, AccountPrincipal>(AccessMatrix.Who.class);
        for (var who : AccessMatrix.Who.values()) {
            if (who.role() != null) {
                principals.put(who, who.demoAccount() != null ? objects.as(who.demoAccount())
                        : objects.person(who.role(), objects.fixtures.haidian()));
            }
        }
        var mismatches = new ArrayList<String>();
        var counts = new TreeMap<String, int[]>(); // side -> {allowed, refused}
        int requests = 0;
        var started = System.nanoTime();
        for (var route : mappedRoutes()) {
            var row = matrix.rows().get(route);
            if (row == null) {
                continue; // reported by everyMappedRouteHasAnEntryInTheMatrix
            }
            for (var side : row.scoped() ? List.of(AccessMatrix.Side.OWN, AccessMatrix.Side.OTHER) : List.of(AccessMatrix.Side.OWN)) {
                for (var who : AccessMatrix.Who.values()) {
                    if (side == AccessMatrix.Side.OTHER && who == AccessMatrix.Who.ANONYMOUS) {
                        continue; // anonymous has no district: one try is enough
                    }
                    var expected = row.allowed(side).contains(who);
                    var request = build(matrix, row, side, principals.get(who)); // may make a fresh object first
                    var auditBefore = auditRows();
                    var response = mvc.perform(request).andReturn().getResponse();
                    requests++;
                    var allowed = allowed(response);
                    counts.computeIfAbsent(side.name(), k -> new int[2])[allowed ? 0 : 1]++;
                    var what = route + " " + side + " " + who + " → " + response.getStatus()
                            + (response.getRedirectedUrl() == null ? "" : " " + response.getRedirectedUrl());
                    if (response.getStatus() >= 500) {
                        mismatches.add("server error: " + what);
                    }
                    else if (allowed != expected) {
                        mismatches.add((expected ? "expected allowed: " : "expected refused: ") + what);
                    }
                    if (!allowed && row.method() != HttpMethod.GET && auditRows() != auditBefore) {
                        mismatches.add("refused but changed the audit trail: " + what);
                    }
                }
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Access matrix: %d routes × %d actors (9 roles and anonymous) × own/other district: %d requests in %.1f s%n",
                matrix.rows().size(), AccessMatrix.Who.values().length, requests, seconds);
        counts.forEach((side, c) -> System.out.printf("  %-5s district: %4d allowed, %4d refused%n", side.toLowerCase(), c[0], c[1]));
        mismatches.forEach(m -> System.out.println("  MISMATCH " + m));
        assertThat(mismatches).isEmpty();
    }

    private static MockHttpServletRequestBuilder build(AccessMatrix matrix, AccessMatrix.Row row, AccessMatrix.Side side,
            AccountPrincipal principal) {
        // a pattern's "**" (the health groups) stands for any path below it
        var builder = request(row.method(), row.pattern().replace("**", "db"), row.variables().apply(matrix.at(side)));
        if (row.htmx()) {
            builder.header("HX-Request", "true");
        }
        if (row.method() != HttpMethod.GET) {
            builder.with(csrf());
        }
        row.parameters().accept(matrix.at(side), builder);
        if (principal != null) {
            builder.with(user(principal));
        }
        return builder;
    }

    /**
     * Allowed: a page, a file, a redirect to a page that is not the login, or a 4xx that answers the
     * input (validation, conflict). Refused: 403, 404, or the login page for someone not logged in.
     */
    static boolean allowed(MockHttpServletResponse response) {
        var status = response.getStatus();
        if (status == 401 || status == 403 || status == 404) {
            return false;
        }
        var location = response.getRedirectedUrl();
        return !(status / 100 == 3 && location != null && (location.endsWith("/login") || location.contains("/error")));
    }

    /** The audit trail's rows but the API's record of calls (its door records every call, refused ones too: no change). */
    private long auditRows() {
        return objects.jdbc.sql("select count(*) from audit_event where action <> 'api.called'").query(Long.class).single();
    }
}
