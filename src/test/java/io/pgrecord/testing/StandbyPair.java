package io.pgrecord.testing;

import io.pgrecord.PostgresConnectionConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A primary and a streaming hot standby of it, both embedded. The embedded binaries have no
 * {@code pg_basebackup}, so the standby is made the way it does: a physical replication slot,
 * a non-exclusive low-level backup ({@code pg_backup_start}/{@code pg_backup_stop}, or
 * {@code pg_start_backup}/{@code pg_stop_backup} before 15) around a copy of the data
 * directory, then {@code backup_label}, {@code standby.signal} and {@code primary_conninfo}.
 * One database, created on the primary before the backup, exists on both.
 */
public final class StandbyPair implements AutoCloseable {

    public static final String DATABASE = "replica_db";
    private static final String SLOT = "pgrecord_standby";
    private static final Map<String, String> SERVER_CONFIG = Map.of(
            "max_connections", "100",
            // fsync off keeps commits cheap; synchronous_commit stays on, so an acknowledged commit is in the WAL sent
            "fsync", "off",
            // replication sends its status often, so replay positions are fresh in the tests
            "wal_receiver_status_interval", "1");
    /** What a standby must not copy: the primary's run state and its WAL (the standby streams it). */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final Path primaryDir;
    private final Path standbyDir;
    private final Path standbyLog;
    private EmbeddedPostgres primary;
    private EmbeddedPostgres standby;

    private StandbyPair(Path primaryDir, Path standbyDir) {
        this.primaryDir = primaryDir;
        this.standbyDir = standbyDir;
        this.standbyLog = standbyDir.resolveSibling(standbyDir.getFileName() + ".log");
    }

    /** Starts the primary, makes the standby from a base backup of it and waits until it streams. */
    public static StandbyPair start() {
        try {
            StandbyPair pair = new StandbyPair(Files.createTempDirectory("pgrecord-primary"),
                    Files.createTempDirectory("pgrecord-standby"));
            try {
                pair.startPrimary();
                pair.startStandby();
                pair.awaitCaughtUp(Duration.ofSeconds(60));
                return pair;
            } catch (RuntimeException | IOException | SQLException e) {
                pair.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not build the standby", e);
        }
    }

    private void startPrimary() throws IOException, SQLException {
        EmbeddedPostgres.Builder b = EmbeddedServer.builder().setDataDirectory(primaryDir).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60));
        SERVER_CONFIG.forEach(b::setServerConfig);
        primary = b.start();
        try (Connection c = connect(primary.getPort(), "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
            // reserved at once, so the WAL from the backup's start stays until the standby has streamed it
            s.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
        }
    }

    private void startStandby() throws IOException, SQLException {
        try (Connection c = connect(primary.getPort(), "postgres"); Statement s = c.createStatement()) {
            boolean before15 = version(s) < 150000;
            // non-exclusive: the backup lives as long as this session, which also stops it
            s.execute(before15 ? "SELECT pg_start_backup('pgrecord', true, false)" : "SELECT pg_backup_start('pgrecord', true)");
            copyDataDirectory();
            String label;
            try (ResultSet rs = s.executeQuery(before15 ? "SELECT labelfile FROM pg_stop_backup(false)"
                    : "SELECT labelfile FROM pg_backup_stop()")) {
                rs.next();
                label = rs.getString(1);
            }
            Files.writeString(standbyDir.resolve("backup_label"), label);
        }
        Files.writeString(standbyDir.resolve("standby.signal"), "");
        Files.writeString(standbyDir.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=localhost port=" + primary.getPort() + " user=postgres application_name=pgrecord'\n"
                        + "primary_slot_name = '" + SLOT + "'\n");
        EmbeddedPostgres.Builder b = EmbeddedServer.builder().setDataDirectory(standbyDir).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(standbyLog.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(standbyLog.toFile()));
        SERVER_CONFIG.forEach(b::setServerConfig);
        try {
            standby = b.start();
        } catch (IOException e) {
            throw new IOException("the standby did not start; its log:\n" + Files.readString(standbyLog), e);
        }
    }

    private static int version(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    /** Copies the running primary's files; ones that vanish meanwhile are the server's temporary files. */
    private void copyDataDirectory() throws IOException {
        Files.walkFileTree(primaryDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = primaryDir.relativize(dir);
                if (relative.getNameCount() > 1 && relative.getName(0).toString().equals("pg_replslot")) {
                    return FileVisitResult.SKIP_SUBTREE;   // the primary's slots are its own, as pg_basebackup leaves them
                }
                Files.createDirectories(standbyDir.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = primaryDir.relativize(file);
                String top = relative.getName(0).toString();
                boolean skip = NOT_COPIED.contains(relative.toString())
                        || (relative.getNameCount() > 1 && (top.equals("pg_wal") || top.equals("pg_replslot")));
                if (!skip) {
                    try {
                        Files.copy(file, standbyDir.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException gone) {
                        // a temporary file removed while copying; replay rebuilds what matters
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    public int primaryPort() {
        return primary.getPort();
    }

    public int standbyPort() {
        return standby.getPort();
    }

    /** A config for the database on the primary, small pool. */
    public PostgresConnectionConfig.Builder primaryConfig() {
        return PostgresConnectionConfig.builder().host("localhost").port(primaryPort()).database(DATABASE)
                .username("postgres").poolMinSize(0).poolMaxSize(4).poolTimeout(Duration.ofSeconds(10));
    }

    /** The same database on the standby. */
    public PostgresConnectionConfig.Builder standbyConfig() {
        return primaryConfig().port(standbyPort());
    }

    /** A plain connection to the database on the given port; close it. */
    public static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", null);
    }

    /** Runs SQL on the primary's database, outside any backend. */
    public void onPrimary(String... sql) {
        run(primaryPort(), sql);
    }

    /** Runs SQL on the standby's database, outside any backend. */
    public void onStandby(String... sql) {
        run(standbyPort(), sql);
    }

    /** The first column of the first row on the standby. */
    public Object queryStandby(String sql) {
        return query(standbyPort(), sql);
    }

    public Object queryPrimary(String sql) {
        return query(primaryPort(), sql);
    }

    private static void run(int port, String... sql) {
        try (Connection c = connect(port, DATABASE); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object query(int port, String sql) {
        try (Connection c = connect(port, DATABASE); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitCaughtUp(Duration max) {
        // the insert position: at or past every commit acknowledged so far, flushed or not yet
        String target = String.valueOf(queryPrimary("SELECT pg_current_wal_insert_lsn()"));
        await(max, "the standby to replay " + target, () -> Boolean.TRUE.equals(
                queryStandby("SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")));
    }

    /** Pauses WAL replay on the standby: it goes on receiving but applies nothing. */
    public void pauseReplay() {
        onStandby(replayFunction("pause"));
    }

    public void resumeReplay() {
        onStandby(replayFunction("resume"));
    }

    private String replayFunction(String what) {
        return "SELECT pg_wal_replay_" + what + "()";
    }

    /** Promotes the standby, waits until it accepts writes, then stops the primary for good. */
    public void promoteStandbyAndStopPrimary() {
        onStandby("SELECT pg_promote(true, 60)");
        await(Duration.ofSeconds(60), "the promoted standby to leave recovery",
                () -> Boolean.FALSE.equals(queryStandby("SELECT pg_is_in_recovery()")));
        closePrimary();
    }

    /** Stops the primary only. */
    public void closePrimary() {
        close(primary);
        primary = null;
    }

    /**
     * Runs blocking work on a thread of its own, as an {@code Executor} for {@code CompletableFuture}:
     * the common pool has one thread on 2 cores, which other test classes' blocking work can hold
     * past a test's deadline.
     */
    public static void ownThread(Runnable work) {
        Thread t = new Thread(work, "standby-pair-work");
        t.setDaemon(true);
        t.start();
    }

    /** Polls with backoff until the condition holds or the deadline passes. */
    public static void await(Duration max, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        long pause = 10;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + max + " waiting for " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 200);
        }
    }

    /** A loopback port nothing listens on, for a replica that is down. */
    public static int deadPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        close(standby);
        close(primary);
        standby = null;
        primary = null;
        delete(standbyDir);
        delete(primaryDir);
        standbyLog.toFile().delete();
    }

    private static void close(EmbeddedPostgres server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
