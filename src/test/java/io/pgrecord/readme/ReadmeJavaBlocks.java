package io.pgrecord.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ```java blocks of a Markdown text, each with the regions named by the
 * {@code <!-- region: a b -->} comment on the line before its fence (none when it has no such
 * comment).
 */
final class ReadmeJavaBlocks {

    private static final Pattern REGION_COMMENT = Pattern.compile("^\\s*<!-- region:((?:\\s+[a-z0-9-]+)+)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");

    /** One block: the line of its opening fence (1-based), the regions it quotes and its text. */
    record Block(int line, List<String> regions, String code) {
    }

    private ReadmeJavaBlocks() {
    }

    static List<Block> parse(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !isClosingFence(lines.get(end))) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalStateException("README line " + (i + 1) + ": code block is never closed");
            }
            if (open.group(2).equals("java")) {
                blocks.add(new Block(i + 1, regionsBefore(lines, i), Snippets.normalise(lines.subList(i + 1, end))));
            }
            i = end;
        }
        return blocks;
    }

    private static boolean isClosingFence(String line) {
        return line.strip().equals("```");
    }

    private static List<String> regionsBefore(List<String> lines, int fence) {
        if (fence == 0) {
            return List.of();
        }
        Matcher m = REGION_COMMENT.matcher(lines.get(fence - 1));
        return m.matches() ? List.of(m.group(1).strip().split("\\s+")) : List.of();
    }
}
