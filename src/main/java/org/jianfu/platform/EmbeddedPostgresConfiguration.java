package org.jianfu.platform;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs a PostgreSQL server inside the application when no external database is configured, so that
 * one command runs Jianfu on a machine that has nothing but a JDK. The cluster's files live on disk and
 * survive restarts; the server stops when the application context closes (after the pool is closed,
 * because the pool depends on it). The server was already started by {@link EmbeddedPostgresLauncher}
 * while the context was being built; this only waits for it. A watch starts it again when it dies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(ObjectProvider<EmbeddedPostgresStartup> startup, EmbeddedPostgresProperties properties) {
        var launched = startup.getIfAvailable();
        var database = launched != null ? launched.await() : EmbeddedDatabase.start(properties);
        log.info("Embedded PostgreSQL listening on port {} with data in {}", database.port(), database.dataDirectory());
        return database;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(EmbeddedDatabase.USER);
        dataSource.setPassword(database.password());
        dataSource.setPoolName("jianfu-embedded");
        return dataSource;
    }

    /**
     * The class-data-sharing training run ({@code -Dspring.context.exit=onRefresh}) ends in
     * {@code Runtime.halt} inside {@link DefaultLifecycleProcessor#onRefresh()}: no destroy method and no
     * shutdown hook runs, so the server would be left running, holding the data directory. Only in such a
     * run, this lifecycle processor (in place of Spring Boot's) closes the pool and stops the server first.
     */
    @Bean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
    @Conditional(ExitOnRefresh.class)
    LifecycleProcessor stopDatabaseBeforeExitOnRefresh(EmbeddedDatabase database, HikariDataSource dataSource) {
        return new DefaultLifecycleProcessor() {
            @Override
            public void onRefresh() {
                dataSource.close();
                try {
                    database.close();
                }
                catch (IOException e) {
                    log.error("Could not stop the embedded PostgreSQL before exiting after refresh", e);
                }
                super.onRefresh();
            }
        };
    }

    @Bean
    EmbeddedDatabaseWatch embeddedDatabaseWatch(EmbeddedDatabase database) {
        return new EmbeddedDatabaseWatch(database);
    }

    /** Looks at the postmaster every two seconds and starts it again when it is gone. */
    static class EmbeddedDatabaseWatch {

        private final EmbeddedDatabase database;

        EmbeddedDatabaseWatch(EmbeddedDatabase database) {
            this.database = database;
        }

        @Scheduled(fixedDelayString = "${jianfu.database.embedded.watch-interval:2s}", initialDelayString = "${jianfu.database.embedded.watch-interval:2s}")
        void restartIfStopped() {
            try {
                database.restartIfStopped();
            }
            catch (IOException | RuntimeException e) {
                log.error("Could not start the embedded PostgreSQL again; trying again shortly", e);
            }
        }
    }

    /** The same test as {@link DefaultLifecycleProcessor}'s own. */
    static class ExitOnRefresh implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return "onRefresh".equalsIgnoreCase(SpringProperties.getProperty("spring.context.exit"));
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return EmbeddedPostgresLauncher.wantsEmbeddedDatabase((ConfigurableEnvironment) context.getEnvironment());
        }
    }
}
