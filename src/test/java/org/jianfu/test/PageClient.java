package org.jianfu.test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A browser's requests for the benchmarks in {@code bench/}: a logged-in session over HTTP on loopback, and whole
 * pages read to their last byte.
 */
public final class PageClient {

    public static final String DEMO_PASSWORD = "Jianfu@Demo2026";

    private PageClient() {
    }

    /** A client with this account's session, as a browser after logging in. */
    public static HttpClient login(String base, String username, String password) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var loginPage = new String(get(http, base + "/login"), StandardCharsets.UTF_8);
        var csrf = loginPage.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed");
        }
        return http;
    }

    /** A client with a demo account's session. */
    public static HttpClient login(String base, String username) throws Exception {
        return login(base, username, DEMO_PASSWORD);
    }

    /** A client with no session: what anyone on the network sees. */
    public static HttpClient anonymous() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /**
     * The size of the body, read to its last byte and counted, not kept; past {@code limit} bytes the connection is
     * closed and {@code -1} returned, so that a page of gigabytes cannot take the benchmark down with it.
     */
    public static long size(HttpClient http, String uri, long limit, Consumer<HttpRequest.Builder> headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(uri));
        headers.accept(builder);
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode()
                        + response.headers().firstValue("Location").map(l -> " → " + l).orElse(""));
            }
            var buffer = new byte[65536];
            long size = 0;
            for (int n; (n = body.read(buffer)) >= 0; ) {
                size += n;
                if (size > limit) {
                    return -1;
                }
            }
            return size;
        }
    }

    /**
     * Prepares a round's summary workbook as a city reader does (the button on its page, which starts the preparation in
     * the background) and waits until the page no longer shows it running: the milliseconds from the click to the file (to within the 50 ms between looks).
     */
    public static long prepareSummaryWorkbook(HttpClient http, String base, long roundId) throws Exception {
        var page = base + "/ledger/rounds/" + roundId + "/summary-workbook";
        var csrf = new String(get(http, page), StandardCharsets.UTF_8).replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
        long t0 = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(URI.create(page)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("preparing the summary workbook answered " + response.statusCode());
        }
        while (new String(get(http, page), StandardCharsets.UTF_8).contains("data-preparing=\"true\"")) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The whole body, to its last byte; anything but 200 stops the run. */
    public static byte[] get(HttpClient http, String uri) throws Exception {
        return get(http, uri, builder -> { });
    }

    /** The same, with headers of one's own (e.g. htmx's {@code HX-Request}). */
    public static byte[] get(HttpClient http, String uri, Consumer<HttpRequest.Builder> headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(uri));
        headers.accept(builder);
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode()
                    + response.headers().firstValue("Location").map(l -> " → " + l).orElse(""));
        }
        return response.body();
    }
}
