package io.pgrecord.readme;

import java.util.ArrayList;
import java.util.List;

/** Puts a code snippet in a form that ignores where it was indented. */
final class Snippets {

    private Snippets() {
    }

    /**
     * Strips trailing spaces and the indentation common to all non-blank lines, and drops
     * leading and trailing blank lines.
     */
    static String normalise(List<String> lines) {
        List<String> stripped = new ArrayList<>();
        for (String line : lines) {
            stripped.add(line.stripTrailing());
        }
        int indent = Integer.MAX_VALUE;
        for (String line : stripped) {
            if (!line.isEmpty()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        int first = 0;
        int last = stripped.size();
        while (first < last && stripped.get(first).isEmpty()) {
            first++;
        }
        while (last > first && stripped.get(last - 1).isEmpty()) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        for (String line : stripped.subList(first, last)) {
            out.append(line.isEmpty() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
