package org.jianfu.platform;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles ({@code spring.messages.*}), as Spring Boot would configure them, except that a message with
 * arguments is formatted with a copy of its kept {@link MessageFormat}. Spring formats with the one kept copy under
 * its lock, so every page showing the same message with arguments waits for the others: measured on the public
 * verification page as threads blocked over 20 ms on one message's lock, the tail of its latency under load.
 */
class UncontendedMessageSource extends ResourceBundleMessageSource {

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        var kept = super.resolveCode(code, locale);
        return kept == null ? null : (MessageFormat) kept.clone();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        @ConfigurationProperties("spring.messages")
        MessageSourceProperties messageSourceProperties() {
            return new MessageSourceProperties();
        }

        /** Named {@code messageSource}, so Spring Boot's own is not made (and the application context uses this one). */
        @Bean
        MessageSource messageSource(MessageSourceProperties properties) {
            var source = new UncontendedMessageSource();
            source.setBasenames(properties.getBasename().toArray(String[]::new));
            if (properties.getEncoding() != null) {
                source.setDefaultEncoding(properties.getEncoding().name());
            }
            source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
            if (properties.getCacheDuration() != null) {
                source.setCacheMillis(properties.getCacheDuration().toMillis());
            }
            source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
            source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
            return source;
        }
    }
}
