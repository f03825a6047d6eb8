import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Baseline for bench/startup.sh: start the embedded PostgreSQL on a data directory, open one connection, stop. */
public class EmbeddedPostgresAlone {
    public static void main(String[] args) throws Exception {
        // Jianfu's clusters require the password it keeps beside the data.
        var password = Files.readString(Path.of(args[0], "jianfu-db-password")).strip();
        try (var postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                .setConnectConfig("password", password).start();
             var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("select 1");
        }
    }
}
