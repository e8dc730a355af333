package io.pgrecord.internal.tx;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The transaction-control statements, identical on both paths, so the statement log shows them as sent. */
public final class TxSql {

    private TxSql() {
    }

    /** {@code BEGIN ISOLATION LEVEL ... READ ONLY DEFERRABLE}, leaving out unset parts. */
    public static String begin(String isolationSql, Boolean readOnly, Boolean deferrable) {
        StringBuilder sb = new StringBuilder("BEGIN");
        if (isolationSql != null) {
            sb.append(" ISOLATION LEVEL ").append(isolationSql);
        }
        if (readOnly != null) {
            sb.append(readOnly ? " READ ONLY" : " READ WRITE");
        }
        if (deferrable != null) {
            sb.append(deferrable ? " DEFERRABLE" : " NOT DEFERRABLE");
        }
        return sb.toString();
    }

    public static final String COMMIT = "COMMIT";
    public static final String ROLLBACK = "ROLLBACK";

    public static String savepoint(String name) {
        return "SAVEPOINT " + quote(name);
    }

    public static String release(String name) {
        return "RELEASE SAVEPOINT " + quote(name);
    }

    public static String rollbackTo(String name) {
        return "ROLLBACK TO SAVEPOINT " + quote(name);
    }

    /** {@code SET CONSTRAINTS a, b DEFERRED}, or {@code ALL} without names. */
    public static String deferConstraints(String... names) {
        if (names.length == 0) {
            return "SET CONSTRAINTS ALL DEFERRED";
        }
        return "SET CONSTRAINTS " + Arrays.stream(names).map(TxSql::qualified).collect(Collectors.joining(", ")) + " DEFERRED";
    }

    /** One quoted identifier, a savepoint's name: a dot in it is part of the name. Safe whatever the text. */
    static String quote(String name) {
        return render(checked(name));
    }

    /** A constraint's name, quoted; a schema-qualified one ({@code schema.name}) keeps its dot. */
    static String qualified(String name) {
        return render(checked(name).split("\\.", 2));
    }

    private static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("name must not contain a NUL character");
        }
        return name;
    }

    private static String render(String... parts) {
        return DSL.using(SQLDialect.POSTGRES).render(DSL.name(parts));
    }
}
