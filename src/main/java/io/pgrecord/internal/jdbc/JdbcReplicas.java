package io.pgrecord.internal.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.error.ConnectionException;
import io.pgrecord.internal.exec.ReplicaRouting;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.Work;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jooq.DSLContext;
import org.jooq.impl.NoTransactionProvider;

/**
 * The replicas of a blocking backend: a small pool per replica, opened when a read is first
 * routed to it and opened again after a failure. Their jOOQ contexts join no transaction.
 * Thread-safe; closed with the executor.
 */
public final class JdbcReplicas implements AutoCloseable {

    private final ReplicaRouting routing;
    private final List<PostgresConnectionConfig> configs;
    private final StatementRecorder recorder;
    private final ObjectMapper jsonMapper;
    private final AtomicReferenceArray<JdbcRuntime> runtimes;
    private boolean closed;

    JdbcReplicas(ReplicaRouting routing, PostgresConnectionConfig config, StatementRecorder recorder) {
        this.routing = routing;
        this.configs = config.replicas().stream().map(ReplicaRouting::pooled).toList();
        this.recorder = recorder;
        this.jsonMapper = config.jsonMapper();
        this.runtimes = new AtomicReferenceArray<>(configs.size());
    }

    public ReplicaRouting routing() {
        return routing;
    }

    /** Replica {@code i}'s live state, opening its pool if need be; a failure is a {@link ConnectionException}. */
    JdbcRuntime runtime(int i) {
        JdbcRuntime known = runtimes.get(i);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("backend is closed");
            }
            if (runtimes.get(i) == null) {
                runtimes.set(i, JdbcRuntime.start(HikariSource.open(configs.get(i)), recorder, new TxBinding(),
                        new NoTransactionProvider(), jsonMapper));
            }
            return runtimes.get(i);
        }
    }

    /** The jOOQ context of server {@code i}: a replica, or {@code primary} for {@link Work#PRIMARY}. */
    DSLContext dsl(int i, DSLContext primary) {
        return i == Work.PRIMARY ? primary : runtime(i).dsl();
    }

    /** Remembers the primary's WAL position after a commit, read on {@code primary}. */
    void committed(DSLContext primary) {
        long writes = routing.unknownWrites();
        routing.committed(primary.resultQuery(ReplicaRouting.COMMIT_LSN_SQL).fetchOne(0, String.class), writes);
    }

    /** Remembers the primary's WAL position after a transaction committed on {@code connection}. */
    void committed(Connection connection) {
        long writes = routing.unknownWrites();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(ReplicaRouting.COMMIT_LSN_SQL)) {
            rs.next();
            routing.committed(rs.getString(1), writes);
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** Closes every replica's pool once the reads in flight are done. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        // outside the lock: a read asking for a replica not yet opened is refused meanwhile
        for (int i = 0; i < runtimes.length(); i++) {
            JdbcRuntime r = runtimes.get(i);
            if (r != null) {
                r.closeAfterWork(0);
            }
        }
    }
}
