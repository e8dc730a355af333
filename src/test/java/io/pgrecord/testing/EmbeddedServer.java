package io.pgrecord.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Zonky's embedded PostgreSQL. The binaries come from the classpath (the BOM version chosen by
 * {@code -Dpg.version}), or from the jar named by {@code -Dpgrecord.test.binaries}, which is how
 * one build runs tests against several server versions.
 */
final class EmbeddedServer implements PgServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedServer start(Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = builder();
            serverConfig.forEach(builder::setServerConfig);
            return new EmbeddedServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** The builder with the binaries chosen for this build ({@code -Dpgrecord.test.binaries}). */
    static EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        String binaries = System.getProperty("pgrecord.test.binaries");
        if (binaries != null && !binaries.isBlank()) {
            builder.setPgBinaryResolver(fromJar(Path.of(binaries)));
        }
        return builder;
    }

    private static PgBinaryResolver fromJar(Path jar) {
        return (system, arch) -> {
            try (JarFile file = new JarFile(jar.toFile())) {
                String name = "postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + arch + ".txz";
                ZipEntry entry = file.getEntry(name);
                if (entry == null) {
                    throw new IOException(jar + " has no " + name);
                }
                return new ByteArrayInputStream(file.getInputStream(entry).readAllBytes());
            }
        };
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return null;
    }

    @Override
    public String adminDatabase() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
