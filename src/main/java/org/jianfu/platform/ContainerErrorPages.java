package org.jianfu.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat answers some broken requests itself, before the application sees them (malformed percent-encoding
 * or NUL in the URL, invalid characters in the request target): with its own English "HTTP Status 400"
 * report. This replaces Tomcat's report with a plain Chinese page per status, from the same messages as
 * the application's error page. Requests the application handles keep {@code templates/error.html}.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** The statuses Tomcat may answer by itself; any other gets the generic text. */
    private static final int[] STATUSES = { 400, 403, 404, 405, 408, 413, 414, 431, 500, 501, 503, 505 };

    private final Map<Integer, String> pages = new HashMap<>();
    private final String template;
    private final MessageSource messages;

    ContainerErrorPages(MessageSource messages) throws IOException {
        this.messages = messages;
        this.template = StreamUtils.copyToString(new ClassPathResource("platform/container-error.html").getInputStream(),
                StandardCharsets.UTF_8);
        for (var status : STATUSES) {
            pages.put(status, render(status, Locale.SIMPLIFIED_CHINESE));
        }
    }

    /** The page for a status, in Simplified Chinese (the container knows nothing of the user's language). */
    String page(int status) {
        var page = pages.get(status);
        return page != null ? page : render(status, Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * The page for a status in the visitor's language, for a filter that answers before the application can
     * (it reads neither the session nor the database).
     */
    String page(int status, Locale locale) {
        return Locale.SIMPLIFIED_CHINESE.equals(locale) ? page(status) : render(status, locale);
    }

    private String render(int status, Locale locale) {
        return template.replace("{lang}", locale.toLanguageTag())
                .replace("{status}", String.valueOf(status))
                .replace("{title}", message("error." + status + ".title", "error.generic.title", locale))
                .replace("{text}", message("error." + status + ".text", "error.generic.text", locale))
                .replace("{home}", message("error.home", "error.home", locale));
    }

    private String message(String key, String fallbackKey, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, messages.getMessage(fallbackKey, null, locale), locale));
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Runs after Boot's own customizer, which adds a plain ErrorReportValve to the host: that one is replaced.
        factory.addContextCustomizers(context -> {
            var host = (Host) context.getParent();
            for (var valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ChineseReportValve(this));
            if (host instanceof StandardHost standard) {
                // The host adds a default report valve on start unless one of this class is present.
                standard.setErrorReportValveClass(ChineseReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes the Chinese page where Tomcat would write its report: an error status and nothing written yet. */
    static class ChineseReportValve extends ErrorReportValve {

        private final ContainerErrorPages pages;

        ChineseReportValve(ContainerErrorPages pages) {
            this.pages = pages;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            var status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(pages.page(status));
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException e) {
                // The client has gone or the response cannot take a body: nothing more to say.
            }
        }
    }
}
