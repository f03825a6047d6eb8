package org.jianfu.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's superuser password: generated at the first start, kept in {@value #FILE_NAME} in the
 * data directory readable by its owner only, never in the database. The library creates every cluster with
 * {@code trust} (anyone on the machine may connect as anyone); on start, a cluster that still trusts, new or
 * created by an older Jianfu, gets the password and {@code scram-sha-256} before the application connects.
 */
final class EmbeddedDatabasePassword {

    static final String FILE_NAME = "jianfu-db-password";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabasePassword.class);
    private static final Pattern TRUST = Pattern.compile("(?m)^(\\s*(?:local|host)\\S*\\s.*?)\\btrust\\s*$");

    private EmbeddedDatabasePassword() {
    }

    /** The stored password, or empty when none is stored yet. */
    static java.util.Optional<String> read(Path directory) throws IOException {
        var file = directory.resolve(FILE_NAME);
        return Files.exists(file) ? java.util.Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
                : java.util.Optional.empty();
    }

    static String generate() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Stores the password, readable by its owner only. Called after initdb (which wants an empty directory)
     * and before the password is set, so that a crash in between loses nothing: the cluster still trusts.
     */
    static void store(Path directory, String password) throws IOException {
        var draft = directory.resolve(FILE_NAME + ".new");
        Files.deleteIfExists(draft);
        Files.writeString(OwnerOnlyFiles.create(draft), password + "\n", StandardCharsets.US_ASCII);
        Files.move(draft, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Sets the password and switches every {@code trust} line of {@code pg_hba.conf} to {@code scram-sha-256},
     * when the cluster still trusts; does nothing on a cluster that already requires the password.
     */
    static void requireIt(Path directory, EmbeddedPostgres server, String password) throws IOException {
        var hba = directory.resolve("pg_hba.conf");
        var rules = Files.readString(hba);
        if (!TRUST.matcher(rules).find()) {
            return;
        }
        try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            // The password is base64url, so it never needs quoting.
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + EmbeddedDatabase.USER + " password '" + password + "'");
            Files.writeString(hba, TRUST.matcher(rules).replaceAll("$1scram-sha-256"));
            statement.execute("select pg_reload_conf()");
            awaitRefusalWithoutPassword(server.getPort());
        }
        catch (SQLException e) {
            throw new IOException("could not set the embedded database's password", e);
        }
        log.info("The embedded PostgreSQL in {} now requires the password kept in {}", directory, FILE_NAME);
    }

    /** The server reloads its rules in the background; the application connects only once they apply. */
    private static void awaitRefusalWithoutPassword(int port) throws IOException {
        var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (var ignored = EmbeddedDatabase.dataSource(port, null).getConnection()) {
                Thread.sleep(50);
            }
            catch (SQLException refused) {
                return;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the password to apply", e);
            }
        }
        throw new IOException("the embedded PostgreSQL still accepts connections without a password");
    }
}
