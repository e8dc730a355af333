package io.pgrecord.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * libpq's connection service file: sections {@code [name]} of {@code key=value} lines, where
 * {@code #} starts a comment line. A service is looked up, as libpq does, in the user's file
 * ({@code servicefile=}, else {@code PGSERVICEFILE}, else {@code ~/.pg_service.conf}) and then in
 * {@code pg_service.conf} of {@code PGSYSCONFDIR}; the first file with the section gives all of
 * its settings. Resolved here rather than by pgjdbc so that both drivers connect where it says.
 */
public final class PgService {

    /** One {@code key=value} line of a service, with where it was written, for messages. */
    public record Setting(String name, String value, String where) {
    }

    private PgService() {
    }

    /** The settings of service {@code name}, in file order; refused by name when no file defines it. */
    public static List<Setting> lookup(String name, @Nullable String servicefile, Function<String, @Nullable String> env) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("invalid service ''; a service name is required");
        }
        List<Path> files = files(servicefile, env);
        List<String> searched = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                searched.add(file + " (absent)");
                continue;
            }
            List<Setting> settings = section(file, name);
            if (settings != null) {
                return settings;
            }
            searched.add(file.toString());
        }
        throw new IllegalArgumentException("definition of service '" + name + "' not found; searched "
                + (searched.isEmpty() ? "no file (set PGSERVICEFILE or servicefile=)" : String.join(", ", searched)));
    }

    private static List<Path> files(@Nullable String servicefile, Function<String, @Nullable String> env) {
        List<Path> files = new ArrayList<>();
        String user = servicefile != null ? servicefile : nonEmpty(env.apply("PGSERVICEFILE"));
        if (user != null) {
            files.add(Path.of(user));
        } else {
            String appData = nonEmpty(env.apply("APPDATA"));
            boolean windows = System.getProperty("os.name", "").startsWith("Windows");
            if (windows && appData != null) {
                files.add(Path.of(appData, "postgresql", ".pg_service.conf"));
            } else if (!windows) {
                files.add(Path.of(System.getProperty("user.home"), ".pg_service.conf"));
            }
        }
        String sysconf = nonEmpty(env.apply("PGSYSCONFDIR"));
        if (sysconf != null) {
            files.add(Path.of(sysconf, "pg_service.conf"));
        }
        return files;
    }

    /** The settings of section {@code name} in {@code file}, or null when it has none. */
    private static @Nullable List<Setting> section(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid service file '" + file + "'; it cannot be read: " + e, e);
        }
        List<Setting> settings = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (settings != null) {
                    break;
                }
                if (line.equals("[" + name + "]")) {
                    settings = new ArrayList<>();
                }
                continue;
            }
            if (settings == null) {
                continue;
            }
            String where = file + ", line " + (i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("syntax error in service file " + where + ": '" + line
                        + "'; expected name=value");
            }
            String key = line.substring(0, eq).strip();
            if (key.equals("service") || key.equals("servicefile")) {
                throw new IllegalArgumentException("invalid setting '" + key + "' in service file " + where
                        + ": a service cannot name another");
            }
            settings.add(new Setting(key, line.substring(eq + 1).strip(), where));
        }
        return settings;
    }

    private static @Nullable String nonEmpty(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
