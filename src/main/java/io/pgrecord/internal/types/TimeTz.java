package io.pgrecord.internal.types;

import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * {@code timetz} as text, so the offset the server keeps ({@code 10:15:30+05:30}) is the offset
 * read back on both backends; pgjdbc through jOOQ would otherwise shift it to UTC. The server's
 * {@code 24:00:00} is {@link LocalTime#MAX} at its offset, as it is for {@code time}.
 */
final class TimeTz {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .parseLenient()
            .appendOffset("+HH:MM:ss", "+00:00")
            .toFormatter();

    private TimeTz() {
    }

    static OffsetTime parse(String text) {
        if (text.startsWith("24:")) {
            // the end of the day (24:00:00+05), which java.time would read as the next day's 00:00:
            // LocalTime.MAX, as the drivers read a time's; written, it rounds to 24:00:00 again
            return OffsetTime.of(LocalTime.MAX, OffsetTime.parse("00" + text.substring(2), FORMAT).getOffset());
        }
        return OffsetTime.parse(text, FORMAT);
    }

    static String text(OffsetTime time) {
        return FORMAT.format(time);
    }
}
