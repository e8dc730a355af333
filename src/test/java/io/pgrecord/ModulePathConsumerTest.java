package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModulePaths;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgrecord as the named module {@code io.pgrecord}, used the way an application on the module
 * path uses it: a module that {@code requires io.pgrecord} and opens its model package to it is
 * compiled here and run in a child JVM whose module path holds only pgrecord's classes and its
 * runtime dependencies (the rest of the suite runs from the class path).
 */
@ExtendWith(PgExtension.class)
class ModulePathConsumerTest {

    private static final String MODULE_INFO = """
            module consumer.app {
                requires io.pgrecord;
                opens app.models to io.pgrecord;
            }
            """;

    private static final String GADGET = """
            package app.models;

            import io.pgrecord.ActiveRecord;
            import io.pgrecord.Finder;
            import io.pgrecord.Id;
            import io.pgrecord.Table;

            @Table("modular_gadgets")
            public class Gadget extends ActiveRecord<Gadget> {
                public static final Finder<Gadget> find = finder(Gadget.class);
                @Id public Long id;
                public String name;
            }
            """;

    private static final String ASYNC_GADGET = """
            package app.models;

            import io.pgrecord.AsyncActiveRecord;
            import io.pgrecord.AsyncFinder;
            import io.pgrecord.Id;
            import io.pgrecord.Table;

            @Table("modular_gadgets")
            public class AsyncGadget extends AsyncActiveRecord<AsyncGadget> {
                public static final AsyncFinder<AsyncGadget> find = finder(AsyncGadget.class);
                @Id public Long id;
                public String name;
            }
            """;

    /** Saves a gadget named after the backend and prints what a fresh read of its row returns. */
    private static final String MAIN = """
            package app;

            import app.models.AsyncGadget;
            import app.models.Gadget;
            import io.pgrecord.AsyncPostgresBackend;
            import io.pgrecord.PostgresBackend;
            import io.pgrecord.PostgresConnectionConfig;
            import java.time.Duration;

            public final class Main {
                public static void main(String[] args) {
                    PostgresConnectionConfig config = PostgresConnectionConfig.builder()
                            .host(args[1]).port(Integer.parseInt(args[2])).database(args[3])
                            .username(args[4]).password(args[5].isEmpty() ? null : args[5]).poolMinSize(0).poolMaxSize(2).build();
                    String name = "gadget on " + args[0];
                    if (args[0].equals("JDBC")) {
                        try (PostgresBackend backend = new PostgresBackend(config).connect()) {
                            Gadget g = new Gadget();
                            g.name = name;
                            g.using(backend).save();
                            Gadget read = Gadget.find.using(backend).getById(g.id);
                            System.out.println("read " + read.id + ": " + read.name + " in " + Gadget.class.getModule());
                        }
                    } else {
                        try (AsyncPostgresBackend backend = new AsyncPostgresBackend(config)) {
                            backend.connect().block(Duration.ofSeconds(30));
                            AsyncGadget g = new AsyncGadget();
                            g.name = name;
                            g.using(backend).save().block(Duration.ofSeconds(30));
                            AsyncGadget read = AsyncGadget.find.using(backend).getById(g.id).block(Duration.ofSeconds(30));
                            System.out.println("read " + read.id + ": " + read.name + " in " + AsyncGadget.class.getModule());
                        }
                    }
                }
            }
            """;

    @BeforeAll
    static void schema(TestDatabase db) {
        db.execute("CREATE TABLE modular_gadgets (id bigserial PRIMARY KEY, name text NOT NULL)");
    }

    @Test
    void pgrecordIsTheNamedModuleIoPgrecordExportingOnlyItsApi() {
        ModuleDescriptor descriptor = ModuleFinder.of(ModulePaths.pgrecordClasses()).find("io.pgrecord")
                .map(ModuleReference::descriptor).orElseThrow();
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.pgrecord", "io.pgrecord.error", "io.pgrecord.schema", "io.pgrecord.spring",
                        "io.pgrecord.test", "io.pgrecord.types");
        assertThat(descriptor.packages()).contains("io.pgrecord.internal.model");
    }

    @BothBackends
    void aConsumerModuleThatOpensItsModelsSavesAndReadsThem(Exec exec, TestDatabase db, @TempDir Path dir) throws Exception {
        // without Micrometer, an optional dependency: pgrecord loads none of it unless a registry is set
        String modulePath = ModulePaths.pgrecordWithoutMicrometer().stream()
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        Path out = compileConsumer(dir, modulePath);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "--module-path", modulePath + File.pathSeparator + out, "-m", "consumer.app/app.Main",
                exec.name(), db.server().host(), String.valueOf(db.server().port()), db.name(),
                db.server().user(), Objects.requireNonNullElse(db.server().password(), ""));
        Path log = dir.resolve("consumer.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = process.waitFor(3, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("the consumer finished within 3 minutes; its output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("the consumer's exit code; its output:%n%s", output).isZero();

        Object id = db.queryValue("SELECT id FROM modular_gadgets WHERE name = 'gadget on " + exec + "'");
        assertThat(id).isNotNull();
        assertThat(output).contains("read " + id + ": gadget on " + exec + " in module consumer.app");
    }

    private static Path compileConsumer(Path dir, String modulePath) throws Exception {
        Path src = dir.resolve("src");
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Path> files = new ArrayList<>();
        files.add(write(src.resolve("module-info.java"), MODULE_INFO));
        files.add(write(src.resolve("app/models/Gadget.java"), GADGET));
        files.add(write(src.resolve("app/models/AsyncGadget.java"), ASYNC_GADGET));
        files.add(write(src.resolve("app/Main.java"), MAIN));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", modulePath, "-Xlint:all", "-Werror"));
        files.forEach(f -> args.add(f.toString()));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertThat(rc).as("javac of the consumer module").isZero();
        return out;
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
