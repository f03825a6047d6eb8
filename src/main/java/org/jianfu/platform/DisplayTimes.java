package org.jianfu.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats instants for pages in the application's time zone: {@code ${@times.format(x)}}. */
@Component("times")
public class DisplayTimes {

    private final DateTimeFormatter minutes;
    private final DateTimeFormatter seconds;

    DisplayTimes(Clock clock) {
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        this.seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
    }

    public String format(Instant instant) {
        return instant == null ? "" : minutes.format(instant);
    }

    public String formatSeconds(Instant instant) {
        return instant == null ? "" : seconds.format(instant);
    }
}
