package io.pgrecord.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * libpq's password file: lines {@code host:port:database:username:password}, where {@code *}
 * matches anything, {@code \} escapes {@code :} and {@code \}, and the first matching line wins.
 * Read once, when a configuration names the file ({@code passfile=} or {@code PGPASSFILE}), so
 * that both drivers get the same password.
 */
public final class PgPass {

    private PgPass() {
    }

    /** The password of the first line that matches, or null when none does. */
    public static @Nullable String lookup(Path file, String host, int port, String database, String username) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid passfile '" + file + "'; it cannot be read: " + e, e);
        }
        String[] wanted = {host, String.valueOf(port), database, username};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() == 5 && matches(fields, wanted)) {
                return fields.get(4);
            }
            // libpq passes over a line without five fields, as it does
        }
        return null;
    }

    private static boolean matches(List<String> fields, String[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (!fields.get(i).equals("*") && !fields.get(i).equals(wanted[i])) {
                return false;
            }
        }
        return true;
    }

    /** Splits on unescaped colons into at most five fields: the password keeps any later colon. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
