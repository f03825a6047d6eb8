package org.jianfu.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Decides whether a password is acceptable: long enough, not longer than bcrypt can hash, mixed enough,
 * not one of the passwords every attacker tries first, and not built from the username.
 */
@Component
class PasswordPolicy {

    /** A problem with a proposed password, as a message key and its arguments. */
    record Problem(String messageKey, Object... arguments) {
    }

    /** bcrypt reads at most 72 bytes of a password (and Spring Security refuses to hash more). */
    static final int MAX_BYTES = 72;

    private final PasswordPolicyProperties properties;
    private final Set<String> commonPasswords;

    PasswordPolicy(PasswordPolicyProperties properties) {
        this.properties = properties;
        this.commonPasswords = load("account/common-passwords.txt");
    }

    List<Problem> check(String password, String username) {
        var problems = new ArrayList<Problem>();
        if (password == null || password.codePointCount(0, password.length()) < properties.minLength()) {
            problems.add(new Problem("password.error.too-short", properties.minLength()));
            if (password == null) {
                return problems;
            }
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(new Problem("password.error.too-long", MAX_BYTES));
        }
        if (characterClasses(password) < properties.minCharacterClasses()) {
            problems.add(new Problem("password.error.too-simple", properties.minCharacterClasses()));
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lower)) {
            problems.add(new Problem("password.error.common"));
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(new Problem("password.error.contains-username"));
        }
        return problems;
    }

    static int characterClasses(String password) {
        boolean upper = false, lower = false, digit = false, symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            }
            else if (Character.isLowerCase(c)) {
                lower = true;
            }
            else if (Character.isDigit(c)) {
                digit = true;
            }
            else if (!Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static Set<String> load(String resource) {
        var set = new HashSet<String>();
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(set::add);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
