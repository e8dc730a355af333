package io.pgrecord.readme;

import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.TransactionOptions;
import java.time.Duration;
import java.util.List;
import org.jooq.Record;
import org.jooq.Result;

/** The README's "Replicas and failover" block. */
final class ReplicasExample {

    private ReplicasExample() {
    }

    /** Compiled, not run: it needs a primary and its standbys; ReplicaRoutingTest and FailoverTest run the same calls. */
    static void replicas() {
        // README: replicas-begin
        PostgresConnectionConfig config = PostgresConnectionConfig.builder()
                .host("db-a:5432,db-b:5432")                      // both servers of the primary role
                .option("target_session_attrs", "read-write")     // connect to whichever is the primary now
                .database("mydb").username("user").password("password")
                .replica(PostgresConnectionConfig.fromUrl("postgresql://user:password@db-c:5432/mydb"))
                .readYourWrites(Duration.ofMillis(500))           // the longest a read waits for its own commit's LSN
                .maxReplicaLag(Duration.ofSeconds(5))             // a replica further behind is skipped
                .build();
        PostgresConnectionConfig same = PostgresConnectionConfig.fromUrl(
                "postgresql://user:password@db-a:5432,db-b:5432/mydb?target_session_attrs=read-write&replicas=db-c:5432");
        try (PostgresBackend backend = new PostgresBackend(config)) {
            List<User> read = User.find.using(backend).where("name = ?", "Ann").all();       // a replica
            List<User> fresh = User.find.using(backend).onPrimary().where("name = ?", "Ann").all();
            List<User> alsoFresh = User.find.using(backend.primary()).findAll();              // a view that never routes
            long n = backend.transactionManager().inTransaction(TransactionOptions.readOnly(),
                    () -> User.find.using(backend).count());                                  // a replica
            Result<Record> names = backend.replicaDsl().fetch("select name from users");    // raw jOOQ on a replica
        }
        // README: replicas-end
    }
}
