package io.pgrecord.internal.tx;

import java.nio.charset.StandardCharsets;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Advisory-lock and two-phase-commit statements, identical on both paths. */
public final class LockSql {

    private LockSql() {
    }

    public static String lock(long key) {
        return "SELECT pg_advisory_lock(" + key + ")";
    }

    public static String tryLock(long key) {
        return "SELECT pg_try_advisory_lock(" + key + ")";
    }

    public static String unlock(long key) {
        return "SELECT pg_advisory_unlock(" + key + ")";
    }

    public static final String PREPARED = "SELECT gid FROM pg_prepared_xacts WHERE database = current_database() ORDER BY prepared";

    public static String prepare(String gid) {
        return "PREPARE TRANSACTION " + literal(gid);
    }

    public static String commitPrepared(String gid) {
        return "COMMIT PREPARED " + literal(gid);
    }

    public static String rollbackPrepared(String gid) {
        return "ROLLBACK PREPARED " + literal(gid);
    }

    /**
     * A global transaction id as an escaped literal. PostgreSQL allows up to 199 bytes, counted
     * in the (UTF-8) encoding: checked here, since the server checks only after PREPARE
     * TRANSACTION has aborted the transaction and lost its work.
     */
    static String literal(String gid) {
        if (gid == null || gid.isEmpty() || gid.indexOf('\0') >= 0 || gid.getBytes(StandardCharsets.UTF_8).length > 199) {
            throw new IllegalArgumentException("invalid transaction id '" + gid + "'; 1 to 199 bytes in UTF-8, no NUL");
        }
        return DSL.using(SQLDialect.POSTGRES).renderInlined(DSL.inline(gid));
    }
}
