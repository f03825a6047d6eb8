package org.jianfu.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory the cluster's data directory; kept across restarts
 * @param port the port to listen on, or 0 for any free port
 */
@ConfigurationProperties("jianfu.database.embedded")
public record EmbeddedPostgresProperties(Path dataDirectory, int port) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
    }
}
