package io.pgrecord.bench.paired;

import java.util.List;

/**
 * One driver property set against the driver's default in the driver-settings study, or none
 * for the default itself. {@code inTransaction}: the operation runs inside a transaction, where
 * pgjdbc's {@code defaultRowFetchSize} applies (with auto-commit it reads every row at once).
 */
record DriverSetting(String property, String value, boolean inTransaction) {

    static final DriverSetting DEFAULT = new DriverSetting(null, null, false);
    static final DriverSetting DEFAULT_IN_TRANSACTION = new DriverSetting(null, null, true);

    /** The pgjdbc settings on every workload; pgrecord passes each to the driver (driverOption). */
    static final List<DriverSetting> PGJDBC = List.of(
            DEFAULT,
            of("prepareThreshold", "1"),
            of("prepareThreshold", "0"),
            of("preparedStatementCacheQueries", "0"),
            of("binaryTransfer", "false"));

    /** The fetch-size settings, on the multi-row workloads only, each in a transaction. */
    static final List<DriverSetting> PGJDBC_FETCH = List.of(
            DEFAULT_IN_TRANSACTION,
            new DriverSetting("defaultRowFetchSize", "100", true));

    /**
     * The r2dbc-postgresql settings; its default cache is unbounded (-1), fetchSize applies
     * outside transactions too, and forceBinary asks for every result column in binary (by
     * default results come as text).
     */
    static final List<DriverSetting> R2DBC = List.of(
            DEFAULT,
            of("preparedStatementCacheQueries", "0"),
            of("preparedStatementCacheQueries", "256"),
            of("fetchSize", "100"),
            of("forceBinary", "true"));

    static DriverSetting of(String property, String value) {
        return new DriverSetting(property, value, false);
    }

    boolean isDefault() {
        return property == null;
    }

    /** The default this setting is compared with. */
    DriverSetting baseline() {
        return inTransaction ? DEFAULT_IN_TRANSACTION : DEFAULT;
    }

    /** The variant's name: the client, then what differs from its default. */
    String variant(String client) {
        String where = inTransaction ? " in a transaction" : "";
        return isDefault() ? client + where : client + where + ", " + property + "=" + value;
    }
}
