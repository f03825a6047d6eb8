package org.jianfu.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Runs a PostgreSQL server inside the application when no external database is configured, so that
 * one command runs Jianfu on a machine that has nothing but a JDK. The cluster's files live on disk and
 * survive restarts; the server stops when the application context closes (after the pool is closed,
 * because the pool depends on it). The server was already started by {@link EmbeddedPostgresLauncher}
 * while the context was being built; this only waits for it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ObjectProvider<EmbeddedPostgresStartup> startup, EmbeddedPostgresProperties properties) {
        var launched = startup.getIfAvailable();
        var postgres = launched != null ? launched.await() : EmbeddedPostgresLauncher.start(properties);
        log.info("Embedded PostgreSQL listening on port {} with data in {}", postgres.getPort(),
                properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("jianfu-embedded");
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return EmbeddedPostgresLauncher.wantsEmbeddedDatabase((ConfigurableEnvironment) context.getEnvironment());
        }
    }
}
