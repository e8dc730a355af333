package io.pgrecord.internal.schema;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.schema.Exclude;
import io.pgrecord.schema.Index;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * {@code CREATE INDEX} and {@code EXCLUDE} constraints as plain-SQL templates over jOOQ parts:
 * jOOQ's open-source DDL has no {@code USING}, {@code CONCURRENTLY}, {@code NULLS NOT DISTINCT}
 * or {@code EXCLUDE}. Every name is a quoted jOOQ name and every expression a checked fragment.
 */
final class IndexDdl {

    private IndexDdl() {
    }

    /** Checks the gates ({@code INCLUDE} 11, {@code NULLS NOT DISTINCT} 15), then builds the statement. */
    static Query create(Index index, Capabilities caps) {
        if (!index.include().isEmpty()) {
            caps.require(Capability.COVERING_INDEX);
        }
        if (index.isNullsNotDistinct()) {
            caps.require(Capability.NULLS_NOT_DISTINCT);
        }
        if (index.columns().isEmpty()) {
            throw new IllegalArgumentException(index + " needs at least one column or expression");
        }
        List<QueryPart> args = new ArrayList<>();
        args.add(Identifiers.simple("index name", index.name()));
        args.add(Identifiers.qualified("table name", index.table()));
        List<QueryPart> keys = new ArrayList<>();
        for (int i = 0; i < index.columns().size(); i++) {
            keys.add(key(index.columns().get(i), index.isExpression(i)));
        }
        args.add(DSL.list(keys));
        StringBuilder sql = new StringBuilder("create ");
        sql.append(index.isUnique() ? "unique " : "").append("index ").append(index.isConcurrently() ? "concurrently " : "")
                .append(index.isIfNotExists() ? "if not exists " : "").append("{0} on {1}");
        if (index.method() != null) {
            args.add(DSL.quotedName(index.method()));
            sql.append(" using {").append(args.size() - 1).append("}");
        }
        sql.append(" ({2})");
        if (!index.include().isEmpty()) {
            args.add(DSL.list(index.include().stream().map(DSL::quotedName).toList()));
            sql.append(" include ({").append(args.size() - 1).append("})");
        }
        if (index.isNullsNotDistinct()) {
            sql.append(" nulls not distinct");
        }
        if (index.predicate() != null) {
            args.add(SqlFragments.condition("index predicate", index.predicate()));
            sql.append(" where {").append(args.size() - 1).append("}");
        }
        return DSL.query(sql.toString(), args.toArray());
    }

    /** {@code ALTER TABLE ... ADD [CONSTRAINT name] EXCLUDE USING method (key WITH op, ...) [WHERE (...)] [DEFERRABLE ...]}. */
    static Query exclude(Exclude exclude) {
        if (exclude.elements().isEmpty()) {
            throw new IllegalArgumentException(exclude + " needs at least one element(column, operator)");
        }
        List<QueryPart> args = new ArrayList<>();
        args.add(Identifiers.qualified("table name", exclude.table()));
        args.add(DSL.quotedName(exclude.method()));
        args.add(DSL.list(exclude.elements().stream()
                .map(e -> DSL.sql("{0} with {1}", key(e.key(), e.expression()),
                        DSL.keyword(SqlFragments.operator("exclusion operator", e.operator()))))
                .toList()));
        StringBuilder sql = new StringBuilder("alter table {0} add ");
        if (exclude.name() != null) {
            args.add(Identifiers.simple("constraint name", exclude.name()));
            sql.append("constraint {").append(args.size() - 1).append("} ");
        }
        sql.append("exclude using {1} ({2})");
        if (exclude.predicate() != null) {
            args.add(SqlFragments.condition("exclusion predicate", exclude.predicate()));
            sql.append(" where ({").append(args.size() - 1).append("})");
        }
        if (exclude.isDeferrable()) {
            sql.append(" deferrable");
        }
        if (exclude.isInitiallyDeferred()) {
            sql.append(" initially deferred");
        }
        return DSL.query(sql.toString(), args.toArray());
    }

    /** A column name, or an expression key kept in its parentheses. */
    private static QueryPart key(String key, boolean expression) {
        if (expression) {
            return SqlFragments.expression("index expression", key);
        }
        return Identifiers.simple("index column", key);
    }
}
