package io.pgrecord.internal.exec;

import java.time.Duration;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * A query's {@code timeout(...)} as the server applies it, the same on both drivers:
 * {@code statement_timeout} set locally to a transaction, so the server cancels an overrunning
 * statement and the setting ends with the transaction. Inside a caller's transaction the work
 * runs in a savepoint, and releasing one keeps what SET LOCAL did in it (rolling back undoes
 * it), so the setting before is put back after the work.
 */
public final class StatementTimeout {

    private StatementTimeout() {
    }

    /** Sets the timeout locally; its one row holds the setting before, at index 0, for {@link #restore}. */
    public static Select<Record2<String, String>> set(Duration timeout) {
        return DSL.select(DSL.field("current_setting('statement_timeout')", String.class),
                setting(DSL.val(Long.toString(timeout.toMillis()))));
    }

    /** Puts back the setting {@link #set} read. */
    public static Select<Record1<String>> restore(String before) {
        return DSL.select(setting(DSL.inline(before)));
    }

    private static Field<String> setting(Field<String> value) {
        return DSL.function("set_config", String.class, DSL.inline("statement_timeout"), value, DSL.inline(true));
    }
}
