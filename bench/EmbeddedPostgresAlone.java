import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Baseline for bench/startup.sh: start the embedded PostgreSQL on a data directory, open one connection, stop. */
public class EmbeddedPostgresAlone {
    public static void main(String[] args) throws Exception {
        try (var postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
             var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("select 1");
        }
    }
}
