package io.pgrecord.bench.paired;

/** The variant names, as the results file shows them. */
final class Names {

    static final String JDBC = "raw JDBC";
    static final String JOOQ = "raw jOOQ";
    static final String PGRECORD = "pgrecord";
    static final String PGRECORD_R2DBC = "pgrecord R2DBC";
    static final String R2DBC = "raw r2dbc";
    static final String JOOQ_R2DBC = "raw jOOQ R2DBC";
    static final String JDBC_VIRTUAL = "JDBC virtual threads";
    static final String JDBC_BATCH = "raw JDBC batch";
    static final String COPY_BINARY = "raw binary COPY";
    static final String R2DBC_COPY_BINARY = "raw r2dbc binary COPY";
    static final String COPY_IN = "pgrecord copyIn";
    static final String R2DBC_COPY_IN = "pgrecord R2DBC copyIn";

    private Names() {
    }
}
