package io.pgrecord;

import io.pgrecord.error.UnsupportedCapabilityException;

/**
 * A server feature that pgrecord gates by version. Each constant knows the first PostgreSQL
 * release that has it; {@link Capabilities#require(Capability)} turns a missing one into an
 * {@link UnsupportedCapabilityException} before any SQL is sent.
 */
public enum Capability {
    RETURNING(8, 2),
    CTE(8, 4),
    RECURSIVE_CTE(8, 4),
    WINDOW_FUNCTIONS(8, 4),
    LATERAL(9, 3),
    JSONB(9, 4),
    FILTER_CLAUSE(9, 4),
    UPSERT(9, 5),
    SKIP_LOCKED(9, 5),
    GROUPING_SETS(9, 5),
    IDENTITY_COLUMNS(10, 0),
    DECLARATIVE_PARTITIONING(10, 0),
    MACADDR8(10, 0),
    COVERING_INDEX(11, 0),
    HASH_PARTITIONING(11, 0),
    WEBSEARCH_TSQUERY(11, 0),
    GENERATED_COLUMNS(12, 0),
    JSONPATH(12, 0),
    CTE_MATERIALIZED(12, 0),
    FETCH_WITH_TIES(13, 0),
    MULTIRANGE(14, 0),
    JSONB_SUBSCRIPT(14, 0),
    CTE_SEARCH_CYCLE(14, 0),
    MERGE(15, 0),
    NULLS_NOT_DISTINCT(15, 0),
    SQL_JSON_CONSTRUCTORS(16, 0),
    JSON_TABLE(17, 0),
    MERGE_RETURNING(17, 0),
    RETURNING_OLD_NEW(18, 0),
    VIRTUAL_GENERATED_COLUMNS(18, 0),
    UUIDV7(18, 0);

    private final ServerVersion minimumVersion;

    Capability(int major, int minor) {
        this.minimumVersion = ServerVersion.of(major, minor);
    }

    /** The first server release with this feature, e.g. 15.0 for {@link #MERGE}. */
    public ServerVersion minimumVersion() {
        return minimumVersion;
    }

    /** Whether a server of the given version has this feature. */
    public boolean isSupportedBy(ServerVersion version) {
        return version.compareTo(minimumVersion) >= 0;
    }
}
