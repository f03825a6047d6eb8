package org.jianfu.account;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Second factors: a TOTP secret per account ({@link Totp}), encrypted ({@link SecondFactorKey}), and ten one-time
 * recovery codes, kept as SHA-256 hashes
 * (they are random, 50 bits each, so a slow hash adds nothing). A code is accepted once: the step it belongs to is
 * recorded and no code of that step or an earlier one is taken again.
 */
@Service
class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecondFactorKey key;

    SecondFactors(JdbcClient jdbc, AccountRepository accounts, ApplicationEventPublisher events, Clock clock, SecondFactorKey key) {
        this.key = key;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean enrolled(long accountId) {
        return jdbc.sql("select exists(select 1 from account_second_factor where account_id = ?)").param(accountId)
                .query(Boolean.class).single();
    }

    /**
     * Enrols the account with a secret it was shown, when the code given is that secret's current one; returns the
     * recovery codes, to be shown once.
     */
    @Transactional
    List<String> enrol(long accountId, String secret, String code) {
        if (enrolled(accountId)) {
            throw new RuleViolation("code", "second-factor.error.already-enrolled");
        }
        var step = Totp.matchingStep(secret, code, clock.instant(), 0);
        if (step.isEmpty()) {
            throw new RuleViolation("code", "second-factor.error.wrong-code");
        }
        jdbc.sql("insert into account_second_factor (account_id, secret, last_step, enrolled_at) values (?, ?, ?, ?)")
                .params(accountId, key.encrypt(accountId, secret), step.getAsLong(), utc(clock.instant())).update();
        var codes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var recovery = newRecoveryCode();
            codes.add(recovery);
            jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (?, ?)").params(accountId, hash(recovery))
                    .update();
        }
        events.publishEvent(new AccountEvents.SecondFactorEnrolled(accounts.findById(accountId).orElseThrow().snapshot()));
        return codes;
    }

    /** Whether the code is the account's current TOTP code, not used before, or one of its unused recovery codes. */
    @Transactional
    boolean verify(long accountId, String code) {
        var secret = jdbc.sql("select secret, last_step from account_second_factor where account_id = ? for update")
                .param(accountId).query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) }).optional();
        if (secret.isEmpty()) {
            return false;
        }
        var stored = (String) secret.get()[0];
        var clear = key.decrypt(accountId, stored);
        var step = Totp.matchingStep(clear, code, clock.instant(), (Long) secret.get()[1]);
        if (step.isPresent()) {
            // a secret stored before encryption is encrypted now
            jdbc.sql("update account_second_factor set last_step = ?, secret = ? where account_id = ?")
                    .params(step.getAsLong(), SecondFactorKey.encrypted(stored) ? stored : key.encrypt(accountId, clear), accountId).update();
            return true;
        }
        return useRecoveryCode(accountId, code);
    }

    private boolean useRecoveryCode(long accountId, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        var used = jdbc.sql("""
                update account_recovery_code set used_at = ? where account_id = ? and code_hash = ? and used_at is null""")
                .params(utc(clock.instant()), accountId, hash(normalise(code))).update() == 1;
        if (used) {
            var left = jdbc.sql("select count(*) from account_recovery_code where account_id = ? and used_at is null")
                    .param(accountId).query(Integer.class).single();
            events.publishEvent(new AccountEvents.RecoveryCodeUsed(accounts.findById(accountId).orElseThrow().snapshot(), left));
        }
        return used;
    }

    /** Removes the account's second factor and recovery codes; false when it had none. */
    @Transactional
    boolean remove(long accountId) {
        jdbc.sql("delete from account_recovery_code where account_id = ?").param(accountId).update();
        return jdbc.sql("delete from account_second_factor where account_id = ?").param(accountId).update() == 1;
    }

    /** Ten characters in two groups, e.g. {@code k7m2p-9xq4r}, without letters that look alike. */
    private static String newRecoveryCode() {
        var code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalise(String code) {
        var clean = code.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        return clean.length() == 10 ? clean.substring(0, 5) + "-" + clean.substring(5) : clean;
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
