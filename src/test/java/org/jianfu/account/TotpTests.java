package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The TOTP algorithm against RFC 6238's own test vectors (Appendix B, HMAC-SHA1), and the window and replay rules. */
class TotpTests {

    /** RFC 6238's SHA-1 seed: the ASCII string "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "at {0} s the code is {1}")
    @CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130" })
    void theCodesAreThoseOfRfc6238AppendixB(long seconds, String expected) {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcsEightAndBase32RoundTrips() {
        var secret = Totp.base32(RFC_KEY);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.base32Decode(secret)).isEqualTo(RFC_KEY);
        assertThat(Totp.matchingStep(secret, "287082", Instant.ofEpochSecond(59), 0)).hasValue(1);
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoStepsAway() {
        var secret = Totp.newSecret();
        var key = Totp.base32Decode(secret);
        var now = Instant.parse("2026-03-02T01:00:15Z");
        var step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(key, step - 1, 6), now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(key, step + 1, 6), now, 0)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(key, step - 2, 6), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(key, step + 2, 6), now, 0)).isEmpty();
    }

    @Test
    void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
        var secret = Totp.newSecret();
        var key = Totp.base32Decode(secret);
        var now = Instant.parse("2026-03-02T01:00:15Z");
        var step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(key, step, 6), now, step)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(key, step - 1, 6), now, step)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(key, step + 1, 6), now, step)).hasValue(step + 1);
    }

    @Test
    void somethingThatIsNotSixDigitsIsNoCode() {
        var secret = Totp.newSecret();
        var now = Instant.now();
        assertThat(Totp.matchingStep(secret, null, now, 0)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now, 0)).isEmpty();
    }

    @Test
    void theEnrolmentUriNamesTheIssuerAccountAndParameters() {
        assertThat(Totp.uri("减负平台", "city.admin", "ABCD"))
                .startsWith("otpauth://totp/%E5%87%8F%E8%B4%9F%E5%B9%B3%E5%8F%B0:city.admin?secret=ABCD&issuer=")
                .endsWith("&algorithm=SHA1&digits=6&period=30");
    }
}
