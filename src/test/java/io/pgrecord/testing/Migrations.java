package io.pgrecord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The schema that jOOQ's code generator sees (codegen-config/migrations), applied to a test
 * database, so generated tables and the database agree.
 */
public final class Migrations {

    public static final Path DIRECTORY = Path.of("codegen-config", "migrations");

    private Migrations() {
    }

    /** Runs every {@code V<n>__*.sql} file in version order on the side channel. */
    public static void apply(TestDatabase db) {
        for (Path file : files()) {
            try {
                db.execute(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static List<Path> files() {
        try (Stream<Path> list = Files.list(DIRECTORY)) {
            return list.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
