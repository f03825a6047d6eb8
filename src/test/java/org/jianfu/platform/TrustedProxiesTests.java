package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TrustedProxiesTests {

    private final TrustedProxies filter = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() throws Exception {
        var seen = pass("203.0.113.9", "198.51.100.1", "https");
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.isSecure()).isFalse();
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedAddress() throws Exception {
        // The client forged the first entry; the proxies appended what they saw.
        assertThat(pass("10.1.2.3", "1.2.3.4, 198.51.100.7, 192.168.1.5", null).getRemoteAddr()).isEqualTo("198.51.100.7");
        assertThat(pass("192.168.1.5", "198.51.100.7", null).getRemoteAddr()).isEqualTo("198.51.100.7");
        assertThat(pass("fd00::1", "2001:db8::5", null).getRemoteAddr()).isEqualTo("2001:db8::5");
    }

    @Test
    void aTrustedProxyWithoutForwardedForOrWithGarbageIsTheClientOrTheLastGoodHop() throws Exception {
        assertThat(pass("10.1.2.3", null, null).getRemoteAddr()).isEqualTo("10.1.2.3");
        assertThat(pass("10.1.2.3", "evil.example, 10.9.9.9", null).getRemoteAddr()).isEqualTo("10.9.9.9");
        // Words made of hex letters are names, not addresses: they stop the walk without a name lookup.
        assertThat(pass("10.1.2.3", "cafe, 10.9.9.9", null).getRemoteAddr()).isEqualTo("10.9.9.9");
        assertThat(pass("10.1.2.3", "ab.cd, 10.9.9.9", null).getRemoteAddr()).isEqualTo("10.9.9.9");
    }

    @Test
    void httpsIsBelievedOnlyFromATrustedProxy() throws Exception {
        assertThat(pass("10.1.2.3", "198.51.100.7", "https").isSecure()).isTrue();
        assertThat(pass("10.1.2.3", "198.51.100.7", "https").getScheme()).isEqualTo("https");
        assertThat(pass("10.1.2.3", "198.51.100.7", "http").isSecure()).isFalse();
        assertThat(pass("192.168.1.6", null, "https").isSecure()).as("a neighbour outside the list").isFalse();
    }

    @Test
    void aMalformedSettingStopsTheStart() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example"))).hasMessageContaining("trusted-proxies");
    }

    private HttpServletRequest pass(String peer, String forwardedFor, String proto) throws Exception {
        var request = new MockHttpServletRequest("GET", "/");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        var seen = new AtomicReference<HttpServletRequest>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }
}
