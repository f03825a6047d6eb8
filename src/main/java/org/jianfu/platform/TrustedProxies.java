package org.jianfu.platform;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The real client behind a reverse proxy. Only when the direct peer is one of the trusted proxies
 * ({@code jianfu.network.trusted-proxies}, CIDRs) are {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 * believed: the client is the right-most address in {@code X-Forwarded-For} that is not a trusted proxy, and
 * the request is secure when the proxy says it came in over HTTPS. Anyone else could write those headers, so
 * for every other peer they are ignored. The request seen by everything after this filter (the session cookie,
 * login throttling, the anonymous-report limit) answers {@code getRemoteAddr()} and {@code isSecure()} so.
 */
class TrustedProxies extends OncePerRequestFilter {

    private final List<Cidr> proxies;

    TrustedProxies(List<String> cidrs) {
        var parsed = new ArrayList<Cidr>();
        for (var cidr : cidrs) {
            if (!cidr.isBlank()) {
                parsed.add(Cidr.parse(cidr.strip()));
            }
        }
        this.proxies = List.copyOf(parsed);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var peer = request.getRemoteAddr();
        if (proxies.isEmpty() || !trusted(peer)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Forwarded(request, client(peer, request), https(request)), response);
    }

    private String client(String peer, HttpServletRequest request) {
        var hops = new ArrayList<String>();
        for (var header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (var hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        var client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
            if (parse(hops.get(i)) == null) {
                break;
            }
            client = hops.get(i);
        }
        return client;
    }

    private static Boolean https(HttpServletRequest request) {
        var proto = request.getHeader("X-Forwarded-Proto");
        if (proto == null || proto.isBlank()) {
            return null;
        }
        // The first value is what the outermost proxy saw from the client.
        return "https".equals(proto.split(",")[0].strip().toLowerCase(Locale.ROOT));
    }

    private boolean trusted(String address) {
        var parsed = parse(address);
        return parsed != null && proxies.stream().anyMatch(cidr -> cidr.contains(parsed));
    }

    /** An IP literal, or null for anything else (host names are never looked up). */
    private static InetAddress parse(String address) {
        // Only literals: an IPv4 address in four decimal parts, or an IPv6 one (it has a colon). Anything else,
        // such as "cafe" or "ab.cd", would make InetAddress ask the name service.
        if (address == null || !(address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"))) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        }
        catch (UnknownHostException e) {
            return null;
        }
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String cidr) {
            var slash = cidr.indexOf('/');
            var address = TrustedProxies.parse(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("jianfu.network.trusted-proxies: not an IP address or CIDR: " + cidr);
            }
            var bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            }
            catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("jianfu.network.trusted-proxies: bad prefix length in " + cidr);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            var bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            var shift = bytes.length * 8 - prefix;
            return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }

    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final Boolean https;

        Forwarded(HttpServletRequest request, String client, Boolean https) {
            super(request);
            this.client = client;
            this.https = https;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return https == null ? super.isSecure() : https;
        }

        @Override
        public String getScheme() {
            return https == null ? super.getScheme() : https ? "https" : "http";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Before Spring Session's filter (which writes the session cookie) and the security filters. */
        @Bean
        FilterRegistrationBean<TrustedProxies> trustedProxies(
                @Value("${jianfu.network.trusted-proxies:}") List<String> cidrs) {
            var registration = new FilterRegistrationBean<>(new TrustedProxies(cidrs));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
