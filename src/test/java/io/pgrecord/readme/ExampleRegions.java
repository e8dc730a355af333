package io.pgrecord.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The regions of compiled example sources that README blocks quote. A region is the lines
 * between {@code // README: name-begin} and {@code // README: name-end}.
 */
final class ExampleRegions {

    private static final Pattern MARKER = Pattern.compile("^\\s*// README: ([a-z0-9-]+)-(begin|end)\\s*$");

    private ExampleRegions() {
    }

    /** Every region under {@code root}, by name; malformed or duplicate markers are errors. */
    static Map<String, String> scan(Path root) {
        Map<String, String> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                collect(file, Files.readAllLines(file), regions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return regions;
    }

    private static void collect(Path file, List<String> lines, Map<String, String> regions) {
        String open = null;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.matches()) {
                if (open != null) {
                    body.add(lines.get(i));
                }
                continue;
            }
            String where = file + ":" + (i + 1);
            if (m.group(2).equals("begin")) {
                if (open != null) {
                    throw new IllegalStateException(where + ": region " + m.group(1) + " begins inside region " + open);
                }
                open = m.group(1);
                body.clear();
            } else {
                if (!m.group(1).equals(open)) {
                    throw new IllegalStateException(where + ": end of region " + m.group(1) + " that is not open");
                }
                if (regions.put(open, Snippets.normalise(body)) != null) {
                    throw new IllegalStateException(where + ": region " + open + " is defined twice");
                }
                open = null;
            }
        }
        if (open != null) {
            throw new IllegalStateException(file + ": region " + open + " has no end marker");
        }
    }
}
