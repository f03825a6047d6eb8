package org.jianfu.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The clock every rule reads (so tests can move time), scheduled jobs, the 503 page while the database is
 * unreachable, and the interface language: Simplified Chinese
 * unless the user picks English with {@code ?lang=en}, remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class PlatformConfiguration implements WebMvcConfigurer {

    @Bean
    Clock clock(@Value("${jianfu.time-zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("jianfu-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** Puts the connection pool, embedded or external, behind {@link GuardedDataSource}. */
    @Bean
    static BeanPostProcessor guardedDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof GuardedDataSource) ? GuardedDataSource.of(pool) : bean;
            }
        };
    }

    /** Before Spring Session's filter (which reads the session from PostgreSQL) and everything else. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ContainerErrorPages pages, LocaleResolver localeResolver) {
        var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(pages, localeResolver));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** Last before the application, for {@link DatabaseUnavailableFilter}: the page is out once it returns. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter.PageSent> pageSentMarker() {
        var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter.PageSent());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** Runs right after the character-encoding filter (parameters must be decoded as UTF-8 before anyone reads them). */
    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter(ContainerErrorPages pages) {
        var registration = new FilterRegistrationBean<>(new NulCharacterFilter(pages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
