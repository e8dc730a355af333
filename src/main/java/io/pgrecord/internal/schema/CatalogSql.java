package io.pgrecord.internal.schema;

import java.util.List;
import org.jooq.Condition;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The pieces of the catalog queries that pick objects by name: a table ({@code c} is its
 * {@code pg_class} row, {@code n} its {@code pg_namespace}) or a schema, always as bind values.
 */
final class CatalogSql {

    private static final String ANY_SCHEMA = "*";
    private static final String TEMP = "pg_temp";

    private CatalogSql() {
    }

    /** The table {@code name} found on the search path, or {@code schema.name}; {@code pg_temp.name} is this session's. */
    static Condition relation(String table) {
        Name name = Identifiers.qualified("table name", table);
        Condition byName = DSL.condition("c.relname = {0}", DSL.val(name.last()));
        if (!name.qualified()) {
            return byName.and(DSL.condition("pg_catalog.pg_table_is_visible(c.oid)"));
        }
        return byName.and(TEMP.equals(name.first())
                ? DSL.condition("n.oid = pg_catalog.pg_my_temp_schema()")
                : DSL.condition("n.nspname = {0}", DSL.val(name.first())));
    }

    /**
     * One schema ({@code n} is its {@code pg_namespace} row), or for {@code "*"} every schema but
     * the system ones and other sessions' temporary schemas; {@code pg_temp} is this session's.
     */
    static Condition schema(String schema) {
        if (ANY_SCHEMA.equals(schema)) {
            return DSL.condition("n.nspname not in ('pg_catalog', 'information_schema')"
                    + " and not pg_catalog.starts_with(n.nspname::text, 'pg_toast')"
                    + " and (not pg_catalog.starts_with(n.nspname::text, 'pg_temp') or n.oid = pg_catalog.pg_my_temp_schema())");
        }
        if (TEMP.equals(schema)) {
            return DSL.condition("n.oid = pg_catalog.pg_my_temp_schema()");
        }
        return DSL.condition("n.nspname = {0}", DSL.val(Identifiers.part("schema name", schema)));
    }

    /** Relation kinds, as {@code relkind} letters. */
    static Condition kinds(List<String> relkinds) {
        return DSL.condition("c.relkind::text in ({0})", DSL.list(relkinds.stream().map(DSL::inline).toList()));
    }

    /**
     * The kind ({@code typtype} as text: {@code e} for an enum) of the type of that name where
     * {@code CREATE TYPE} would put it (or in the named schema); no row when there is none.
     */
    static ResultQuery<Record> typeKind(Name type) {
        Condition schema = type.qualified()
                ? DSL.condition("n.nspname = {0}", DSL.val(type.first()))
                : DSL.condition("n.nspname = current_schema()");
        return DSL.resultQuery("select t.typtype::text from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace"
                + " where t.typname = {0} and {1}", DSL.val(type.last()), schema);
    }
}
