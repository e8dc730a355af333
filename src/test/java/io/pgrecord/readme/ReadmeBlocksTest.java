package io.pgrecord.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every ```java block of README.md is the text of compiled example regions in src/test, so the
 * README cannot drift from code that compiles. A block that quotes several regions is their
 * texts joined by one blank line.
 */
class ReadmeBlocksTest {

    private static final Path README = Path.of("README.md");
    private static final Path EXAMPLES = Path.of("src", "test", "java");

    @Test
    void everyJavaBlockIsACompiledRegion() throws IOException {
        List<ReadmeJavaBlocks.Block> blocks = ReadmeJavaBlocks.parse(Files.readAllLines(README));
        Map<String, String> regions = ExampleRegions.scan(EXAMPLES);
        assertThat(blocks).as("java blocks in README.md").isNotEmpty();

        List<String> problems = new ArrayList<>();
        Set<String> quoted = new HashSet<>();
        for (ReadmeJavaBlocks.Block block : blocks) {
            problems.addAll(check(block, regions));
            quoted.addAll(block.regions());
        }
        for (String name : regions.keySet()) {
            if (!quoted.contains(name)) {
                problems.add("region " + name + " is quoted by no README block");
            }
        }
        assertThat(problems).as("README java blocks against their example regions").isEmpty();
    }

    private static List<String> check(ReadmeJavaBlocks.Block block, Map<String, String> regions) {
        String where = "README.md:" + block.line();
        if (block.regions().isEmpty()) {
            return List.of(where + ": java block without a <!-- region: name --> comment on the line before");
        }
        List<String> texts = new ArrayList<>();
        for (String name : block.regions()) {
            String text = regions.get(name);
            if (text == null) {
                return List.of(where + ": no region " + name + " (// README: " + name + "-begin) in " + EXAMPLES);
            }
            texts.add(text);
        }
        String expected = String.join("\n", texts);
        return expected.equals(block.code()) ? List.of() : List.of(where + ": differs from " + block.regions()
                + " at " + firstDifference(block.code(), expected));
    }

    private static String firstDifference(String readme, String source) {
        String[] a = readme.split("\n", -1);
        String[] b = source.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "block line " + (i + 1) + ":\n  README: " + x + "\n  source: " + y;
            }
        }
        return "?";
    }
}
