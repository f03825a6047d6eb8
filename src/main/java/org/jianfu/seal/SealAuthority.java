package org.jianfu.seal;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import javax.crypto.SecretKey;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's own certificate authority for electronic seals: an SM2 key and a self-signed certificate, created at the
 * first start that has the authority password, stored with the key wrapped under that password. It issues each seal's
 * certificate and signs each seal (as its maker, 制章人). A document sealed on this platform is trusted when its seal's
 * certificate chains to this authority; the authority's certificate is published on the verification page.
 */
@Service
@EnableConfigurationProperties(SealProperties.class)
public class SealAuthority {

    private static final Logger log = LoggerFactory.getLogger(SealAuthority.class);
    private static final int SALT_BYTES = 16;

    private final JdbcClient jdbc;
    private final SealProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Loaded once: the certificate, the key that wraps every private key, and the authority's own key. */
    private volatile Loaded loaded;

    record Loaded(X509Certificate certificate, SecretKey wrappingKey, PrivateKey key) {
    }

    SealAuthority(JdbcClient jdbc, SealProperties properties, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** At the first start with a password, the authority is made; at every start, its key is checked against the password. */
    @EventListener(ApplicationReadyEvent.class)
    void prepare() {
        if (!properties.configured()) {
            log.warn("Electronic seals are off: set jianfu.seal.authority-password (JIANFU_SEAL_AUTHORITY_PASSWORD) to make and use them");
            return;
        }
        try {
            loaded();
        }
        catch (SealUnavailableException e) {
            log.error("Electronic seals are off: {}", e.getMessage());
        }
    }

    /** Whether seals can be made and used here: a password is set and it opens the authority's key. */
    public boolean available() {
        if (!properties.configured()) {
            return false;
        }
        try {
            loaded();
            return true;
        }
        catch (SealUnavailableException e) {
            return false;
        }
    }

    /** The authority's certificate, to check a seal's certificate against (and to publish); empty if none was made yet. */
    public java.util.Optional<X509Certificate> certificate() {
        if (loaded != null) {
            return java.util.Optional.of(loaded.certificate());
        }
        return jdbc.sql("select certificate from seal_authority where id = 1").query(byte[].class).optional().map(SealCrypto::certificate);
    }

    Loaded loaded() {
        var current = loaded;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (loaded == null) {
                if (!properties.configured()) {
                    throw new SealUnavailableException("seal.error.no-authority-password", "no authority password is set");
                }
                loaded = transactions.execute(status -> loadOrCreate());
            }
            return loaded;
        }
    }

    private Loaded loadOrCreate() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('seal_authority'))").query().singleValue();
        var password = properties.authorityPassword().toCharArray();
        var stored = jdbc.sql("select certificate, private_key, key_salt from seal_authority where id = 1")
                .query((rs, n) -> new byte[][] { rs.getBytes(1), rs.getBytes(2), rs.getBytes(3) }).optional();
        if (stored.isPresent()) {
            var wrappingKey = SealCrypto.wrappingKey(password, stored.get()[2]);
            try {
                return new Loaded(SealCrypto.certificate(stored.get()[0]), wrappingKey,
                        SealCrypto.privateKey(SealCrypto.unwrap(wrappingKey, stored.get()[1])));
            }
            catch (GeneralSecurityException wrongPassword) {
                throw new SealUnavailableException("seal.error.wrong-authority-password",
                        "the authority password does not open the authority's key");
            }
        }
        var salt = SealCrypto.randomBytes(SALT_BYTES);
        var wrappingKey = SealCrypto.wrappingKey(password, salt);
        var keys = SealCrypto.sm2KeyPair();
        var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "减负平台")
                .addRDN(BCStyle.CN, properties.authorityName()).build();
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var certificate = SealCrypto.certificate(name, keys.getPrivate(), name, keys.getPublic(), SealCrypto.serialNumber(),
                now.minus(1, ChronoUnit.DAYS), now.plus(20 * 366, ChronoUnit.DAYS), true);
        try {
            jdbc.sql("insert into seal_authority (id, certificate, private_key, key_salt, created_at) values (1, ?, ?, ?, ?)")
                    .params(certificate.getEncoded(), SealCrypto.wrap(wrappingKey, keys.getPrivate().getEncoded()), salt, utc(now))
                    .update();
        }
        catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        log.info("Made the certificate authority of electronic seals: {}", certificate.getSubjectX500Principal());
        return new Loaded(certificate, wrappingKey, keys.getPrivate());
    }

    /** Whether a certificate was issued by this authority. */
    public boolean issued(X509Certificate certificate) {
        return certificate().map(authority -> SealCrypto.issuedBy(certificate, authority)).orElse(false);
    }
}
