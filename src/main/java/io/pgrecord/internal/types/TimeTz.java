package io.pgrecord.internal.types;

import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * {@code timetz} as text, so the offset the server keeps ({@code 10:15:30+05:30}) is the offset
 * read back on both backends; pgjdbc through jOOQ would otherwise shift it to UTC.
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
        return OffsetTime.parse(text, FORMAT);
    }

    static String text(OffsetTime time) {
        return FORMAT.format(time);
    }
}
