package org.jianfu.platform;

import java.util.concurrent.CompletableFuture;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the configuration is known and
 * before the application context is built, so the database server and Spring start side by side
 * instead of one after the other. Registered in META-INF/spring.factories; does nothing when
 * {@code spring.datasource.url} is set.
 */
class EmbeddedPostgresLauncher implements SmartApplicationListener {

    static final String STARTUP_BEAN = "jianfuEmbeddedPostgresStartup";

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            var context = prepared.getApplicationContext();
            if (!wantsEmbeddedDatabase(context.getEnvironment()) || context.getBeanFactory().containsSingleton(STARTUP_BEAN)) {
                return;
            }
            var properties = Binder.get(context.getEnvironment())
                    .bind("jianfu.database.embedded", EmbeddedPostgresProperties.class)
                    .orElseGet(() -> new EmbeddedPostgresProperties(null, 0));
            context.getBeanFactory().registerSingleton(STARTUP_BEAN,
                    new EmbeddedPostgresStartup(CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(properties))));
        }
        else if (event instanceof ApplicationFailedEvent failed && failed.getApplicationContext() != null
                && failed.getApplicationContext().getBeanFactory().containsSingleton(STARTUP_BEAN)) {
            // The context never got as far as owning the server: stop it here so nothing is left running.
            ((EmbeddedPostgresStartup) failed.getApplicationContext().getBeanFactory().getSingleton(STARTUP_BEAN)).stop();
        }
    }

    /** No datasource URL, and not a backup or restore command (they start, or reach, the server themselves). */
    static boolean wantsEmbeddedDatabase(ConfigurableEnvironment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url")) && !DatabaseCommands.isCommand(environment);
    }
}
