package io.pgrecord.internal.schema;

import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's own type names and their SQL spellings. {@code CREATE TYPE text AS ENUM} would
 * succeed in the {@code public} schema and then be shadowed by {@code pg_catalog.text} on every
 * search path, so new enums and domains may not take these names.
 */
final class BuiltinTypes {

    /** pg_catalog's base, pseudo, range and multirange types (PostgreSQL 12 to 18), plus SQL aliases. */
    private static final Set<String> NAMES = Set.of(
            "aclitem", "any", "anyarray", "anycompatible", "anycompatiblearray", "anycompatiblemultirange",
            "anycompatiblenonarray", "anycompatiblerange", "anyelement", "anyenum", "anymultirange", "anynonarray",
            "anyrange", "bit", "bool", "box", "bpchar", "bytea", "char", "cid", "cidr", "circle", "cstring", "date",
            "datemultirange", "daterange", "event_trigger", "fdw_handler", "float4", "float8", "gtsvector",
            "index_am_handler", "inet", "int2", "int2vector", "int4", "int4multirange", "int4range", "int8",
            "int8multirange", "int8range", "internal", "interval", "json", "jsonb", "jsonpath", "language_handler",
            "line", "lseg", "macaddr", "macaddr8", "money", "name", "numeric", "nummultirange", "numrange", "oid",
            "oidvector", "opaque", "path", "point", "polygon", "record", "refcursor", "regclass", "regcollation",
            "regconfig", "regdictionary", "regnamespace", "regoper", "regoperator", "regproc", "regprocedure",
            "regrole", "regtype", "table_am_handler", "text", "tid", "time", "timestamp", "timestamptz", "timetz",
            "trigger", "tsm_handler", "tsmultirange", "tsquery", "tsrange", "tstzmultirange", "tstzrange", "tsvector",
            "txid_snapshot", "unknown", "uuid", "varbit", "varchar", "void", "xid", "xid8", "xml",
            // SQL spellings that are not pg_type names
            "integer", "int", "smallint", "bigint", "real", "float", "double", "decimal", "dec", "boolean",
            "character", "nchar", "varying", "serial", "serial2", "serial4", "serial8", "smallserial", "bigserial");

    private BuiltinTypes() {
    }

    /**
     * Refuses a built-in name (or a {@code pg_} one) for a new type.
     *
     * @throws IllegalArgumentException saying which built-in type it clashes with
     */
    static void requireFree(String what, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NAMES.contains(lower)) {
            throw new IllegalArgumentException(what + " name '" + name + "' clashes with the built-in PostgreSQL type "
                    + lower + "; choose another name");
        }
        if (lower.startsWith("pg_")) {
            throw new IllegalArgumentException(what + " name '" + name + "' starts with pg_, which PostgreSQL keeps for"
                    + " its own objects; choose another name");
        }
    }
}
