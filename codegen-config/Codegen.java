import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;

/**
 * jOOQ code generation without Docker or an external server: starts an embedded PostgreSQL,
 * applies the SQL migrations in version order (V1__name.sql, V2__name.sql, V2_1__name.sql...),
 * and runs jOOQ's GenerationTool with the given configuration, writing into the target
 * directory. The Maven build runs it in generate-test-sources as a single-file program:
 *
 * <pre>java -cp &lt;test classpath&gt; codegen-config/Codegen.java &lt;config.xml&gt; &lt;migrations dir&gt; &lt;target dir&gt;</pre>
 *
 * It does nothing when the target was generated from the same configuration and migrations.
 */
public final class Codegen {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    private static final String STAMP = ".codegen-inputs";

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java -cp <classpath> Codegen.java <config.xml> <migrations dir> <target dir>");
            System.exit(2);
        }
        Path config = Path.of(args[0]);
        Path migrationsDir = Path.of(args[1]);
        Path target = Path.of(args[2]);
        List<Path> migrations = migrations(migrationsDir);
        String inputs = fingerprint(config, migrations);
        Path stamp = target.resolve(STAMP);
        if (Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            System.out.println("[codegen] jOOQ classes in " + target + " are up to date");
            return;
        }
        long start = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Connection connection = pg.getPostgresDatabase().getConnection()) {
            for (Path migration : migrations) {
                try (Statement s = connection.createStatement()) {
                    s.execute(Files.readString(migration));
                } catch (Exception e) {
                    throw new IllegalStateException("migration " + migration + " failed: " + e.getMessage(), e);
                }
            }
            Configuration configuration;
            try (InputStream in = Files.newInputStream(config)) {
                configuration = GenerationTool.load(in);
            }
            configuration.getGenerator().getTarget().setDirectory(target.toString());
            GenerationTool tool = new GenerationTool();
            tool.setConnection(connection);
            tool.run(configuration);
        }
        Files.writeString(stamp, inputs);
        System.out.printf("[codegen] generated jOOQ classes from %d migrations into %s in %d ms%n",
                migrations.size(), target, (System.nanoTime() - start) / 1_000_000);
    }

    /** The migration files, ordered by their numeric version. */
    static List<Path> migrations(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".sql")) {
                    if (!MIGRATION.matcher(name).matches()) {
                        throw new IllegalArgumentException("migration " + name + " must be named V<version>__<description>.sql");
                    }
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparing(Codegen::version, Codegen::compareVersions));
        return files;
    }

    private static long[] version(Path p) {
        Matcher m = MIGRATION.matcher(p.getFileName().toString());
        m.matches();
        return Stream.of(m.group(1).split("[._]")).mapToLong(Long::parseLong).toArray();
    }

    private static int compareVersions(long[] a, long[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int c = Long.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A digest of everything the output depends on: the configuration, the migrations and the jOOQ version. */
    private static String fingerprint(Path config, List<Path> migrations) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Path> inputs = new ArrayList<>(List.of(config));
        inputs.addAll(migrations);
        for (Path p : inputs) {
            digest.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(p));
        }
        digest.update(org.jooq.Constants.FULL_VERSION.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()) + System.lineSeparator();
    }
}
