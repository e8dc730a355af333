package io.pgrecord.internal.schema;

import io.pgrecord.internal.jdbc.JdbcRunner;
import io.pgrecord.internal.r2dbc.R2dbcRunner;
import io.pgrecord.schema.AsyncInspector;
import io.pgrecord.schema.AsyncSchemaManager;
import io.pgrecord.schema.Inspector;
import io.pgrecord.schema.SchemaManager;

/** Where the backends get their schema managers and inspectors; the implementations stay package-private. */
public final class Schemas {

    private Schemas() {
    }

    public static SchemaManager manager(JdbcRunner runner) {
        return new JdbcSchemaManager(runner);
    }

    public static AsyncSchemaManager manager(R2dbcRunner runner) {
        return new R2dbcSchemaManager(runner);
    }

    public static Inspector inspector(JdbcRunner runner) {
        return new JdbcInspector(runner);
    }

    public static AsyncInspector inspector(R2dbcRunner runner) {
        return new R2dbcInspector(runner);
    }
}
