package io.pgrecord.internal.jdbc;

import io.pgrecord.error.PgRecordException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.internal.error.Causes;
import io.pgrecord.internal.error.ErrorTranslator;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns pgjdbc and HikariCP failures into pgrecord exceptions. */
public final class JdbcErrors {

    private JdbcErrors() {
    }

    /** The pgrecord exception for a failure; an already translated one is returned as is. */
    public static RuntimeException translate(Throwable failure) {
        if (failure instanceof PgRecordException p) {
            return p;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgRecordException p) {
                return p;     // e.g. a converter's MappingException inside jOOQ's "Error while reading field"
            }
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return ErrorTranslator.translate(fields(psql.getServerErrorMessage(), psql.getSQLState()), failure);
            }
        }
        IllegalArgumentException refused = Causes.refusedBind(failure);
        if (refused != null) {
            return refused;   // raised as the checks before any SQL raise it
        }
        SQLException sql = Causes.find(failure, SQLException.class);
        if (sql != null) {
            String state = sql.getSQLState();
            if (state != null && state.length() == 5 && !state.startsWith("08")) {
                return ErrorTranslator.translate(ServerErrorFields.of(state, Causes.messageOf(sql)), failure);
            }
            if ((state != null && state.startsWith("08")) || sql instanceof SQLTransientConnectionException
                    || sql instanceof SQLNonTransientConnectionException || Causes.find(failure, IOException.class) != null) {
                return ErrorTranslator.connectionFailure(state, Causes.messageOf(sql), failure);
            }
        }
        if (failure instanceof RuntimeException r && !(failure instanceof DataAccessException)) {
            return r;
        }
        return new PgRecordException(Causes.messageOf(failure), failure);
    }

    private static ServerErrorFields fields(ServerErrorMessage m, String fallbackState) {
        String state = m.getSQLState() != null ? m.getSQLState() : fallbackState;
        return new ServerErrorFields(state, String.valueOf(m.getMessage()), m.getDetail(), m.getHint(),
                m.getSchema(), m.getTable(), m.getColumn(), m.getConstraint());
    }
}
