package io.pgrecord.internal.schema;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.types.TypeMapper;
import io.pgrecord.schema.Domain;
import io.pgrecord.schema.Exclude;
import io.pgrecord.schema.Index;
import io.pgrecord.schema.Partition;
import io.pgrecord.schema.TableOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Converter;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Every DDL operation of the schema managers, planned once for both executors. Each method
 * checks its arguments at once and returns a plan: given the server's capabilities, it checks
 * the gates and describes the statements as {@link Work}, which {@code JdbcRunner} runs blocking
 * and {@code R2dbcRunner} reactively. Values in DDL are inlined as escaped literals (DDL takes
 * no bind parameters).
 */
public final class SchemaStatements {

    /** A DDL plan: capabilities in, work out. */
    public interface Plan extends Function<Capabilities, Work<Void>> {
    }

    /** {@code pg_type.typtype} of an enum. */
    private static final String ENUM = "e";

    private SchemaStatements() {
    }

    public static Plan createTable(Class<?> model, TableOptions options, boolean ifNotExists) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        return caps -> sequence(TableDdl.plan(model, options, ifNotExists, caps));
    }

    public static Plan dropTable(Class<?> model, boolean ifExists) {
        Name table = TableDdl.tableName(ModelMeta.of(Objects.requireNonNull(model, "model")));
        return always(ifExists ? DSL.dropTableIfExists(table) : DSL.dropTable(table));
    }

    public static Plan dropTable(String table, boolean ifExists) {
        Name name = Identifiers.qualified("table name", table);
        return always(ifExists ? DSL.dropTableIfExists(name) : DSL.dropTable(name));
    }

    public static Plan createPartition(Partition partition) {
        Name name = Identifiers.qualified("partition name", partition.name());
        if (partition.parent() == null || partition.kind() == null) {
            throw new IllegalArgumentException(partition + " needs of(parent) and range(...), in(...), hash(...) or asDefault()");
        }
        Name parent = Identifiers.qualified("partitioned table", partition.parent());
        List<Object> args = new ArrayList<>(List.of(name, parent));
        String bound = switch (partition.kind()) {
            case RANGE -> {
                args.add(bound(partition.values().get(0)));
                args.add(bound(partition.values().get(1)));
                yield "for values from ({2}) to ({3})";
            }
            case LIST -> {
                args.add(DSL.list(partition.values().stream().map(v -> v == null ? DSL.inline((Object) null) : DSL.inline(v)).toList()));
                yield "for values in ({2})";
            }
            case HASH -> {
                args.add(DSL.inline(partition.values().get(0)));
                args.add(DSL.inline(partition.values().get(1)));
                yield "for values with (modulus {2}, remainder {3})";
            }
            case DEFAULT -> "default";
        };
        Query query = DSL.query("create table {0} partition of {1} " + bound, args.toArray());
        return caps -> {
            caps.require(Capability.DECLARATIVE_PARTITIONING);
            if (partition.kind() == Partition.Kind.HASH) {
                caps.require(Capability.HASH_PARTITIONING);
            }
            return execute(query);
        };
    }

    private static QueryPart bound(Object value) {
        return Partition.isUnbounded(value) ? DSL.keyword(value.toString()) : DSL.inline(value);
    }

    public static Plan createEnum(Class<? extends Enum<?>> type, boolean ifNotExists) {
        Name name = ColumnTypes.enumName(Objects.requireNonNull(type, "type"));
        @SuppressWarnings("unchecked")
        Converter<String, Object> labels = (Converter<String, Object>) TypeMapper.enumType(type).getConverter();
        List<String> list = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            list.add(labels.to(constant));
        }
        return createEnum(name, list, ifNotExists);
    }

    public static Plan createEnum(String name, String[] labels, boolean ifNotExists) {
        // not List.of: a null label is refused below with its own message, not as a bare NPE
        return createEnum(Identifiers.qualified("enum type name", name), Arrays.asList(Objects.requireNonNull(labels, "labels")),
                ifNotExists);
    }

    private static Plan createEnum(Name name, List<String> labels, boolean ifNotExists) {
        BuiltinTypes.requireFree("enum type", name.last());
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            label("enum label", label);
            if (!seen.add(label)) {
                throw new IllegalArgumentException("enum label '" + label + "' is given twice for type " + name);
            }
        }
        // a template, not jOOQ's createType(...).asEnum(...): given no labels, that renders no ENUM
        // keyword and so makes an empty composite type
        Query create = DSL.query("create type {0} as enum ({1})", name, DSL.list(labels.stream().map(DSL::inline).toList()));
        if (!ifNotExists) {
            return always(create);
        }
        // only an enum of that name counts: for another kind of type (a table's row type, a
        // domain) the CREATE TYPE is sent, and the server's "already exists" error says so
        return caps -> Work.fetch(CatalogSql.typeKind(name))
                .then(rows -> rows.isEmpty() || !ENUM.equals(rows.get(0).get(0)) ? execute(create) : Work.done(null));
    }

    public static Plan addEnumValue(String type, String label, boolean ifNotExists, String position, String existing) {
        Name name = Identifiers.qualified("enum type name", type);
        List<Object> args = new ArrayList<>(List.of(name, DSL.inline(label("enum label", label))));
        String sql = "alter type {0} add value " + (ifNotExists ? "if not exists " : "") + "{1}";
        if (position != null) {
            args.add(DSL.inline(label("enum label", existing)));
            sql += " " + position + " {2}";
        }
        return always(DSL.query(sql, args.toArray()));
    }

    public static Plan renameEnumValue(String type, String from, String to) {
        Name name = Identifiers.qualified("enum type name", type);
        return always(DSL.alterType(name).renameValue(DSL.inline(label("enum label", from))).to(DSL.inline(label("enum label", to))));
    }

    public static Plan dropEnum(String name, boolean ifExists) {
        return dropType(Identifiers.qualified("enum type name", name), ifExists);
    }

    public static Plan dropEnum(Class<? extends Enum<?>> type, boolean ifExists) {
        return dropType(ColumnTypes.enumName(Objects.requireNonNull(type, "type")), ifExists);
    }

    private static Plan dropType(Name name, boolean ifExists) {
        return always(ifExists ? DSL.dropTypeIfExists(name) : DSL.dropType(name));
    }

    public static Plan createDomain(Domain domain) {
        Name name = Identifiers.qualified("domain name", domain.name());
        BuiltinTypes.requireFree("domain", name.last());
        if (domain.type() == null) {
            throw new IllegalArgumentException(domain + " needs a base type: Domain.named(...).as(\"integer\")");
        }
        List<Object> args = new ArrayList<>(List.of(name, DSL.sql(SqlFragments.typeName("domain base type", domain.type()))));
        StringBuilder sql = new StringBuilder("create domain {0} as {1}");
        if (domain.defaultValue() != null) {
            args.add(SqlFragments.expression("domain default", domain.defaultValue()));
            sql.append(" default {").append(args.size() - 1).append("}");
        }
        if (domain.isNotNull()) {
            sql.append(" not null");
        }
        for (Domain.Check check : domain.checks()) {
            if (check.name() != null) {
                args.add(Identifiers.simple("constraint name", check.name()));
                sql.append(" constraint {").append(args.size() - 1).append("}");
            }
            args.add(SqlFragments.expression("domain check", check.expression()));
            sql.append(" check ({").append(args.size() - 1).append("})");
        }
        return always(DSL.query(sql.toString(), args.toArray()));
    }

    public static Plan dropDomain(String name, boolean ifExists) {
        Name domain = Identifiers.qualified("domain name", name);
        return always(ifExists ? DSL.dropDomainIfExists(domain) : DSL.dropDomain(domain));
    }

    public static Plan createIndex(Index index) {
        Objects.requireNonNull(index, "index");
        return caps -> execute(IndexDdl.create(index, caps));
    }

    public static Plan dropIndex(String name, boolean ifExists) {
        Name index = Identifiers.qualified("index name", name);
        return always(DSL.query("drop index " + (ifExists ? "if exists " : "") + "{0}", index));
    }

    public static Plan addExcludeConstraint(Exclude exclude) {
        return always(IndexDdl.exclude(Objects.requireNonNull(exclude, "exclude")));
    }

    public static Plan dropConstraint(String table, String constraint) {
        return always(DSL.alterTable(Identifiers.qualified("table name", table))
                .dropConstraint(Identifiers.simple("constraint name", constraint)));
    }

    public static Plan createExtension(String name, boolean ifNotExists) {
        return always(DSL.query("create extension " + (ifNotExists ? "if not exists " : "") + "{0}", extension(name)));
    }

    public static Plan dropExtension(String name) {
        return always(DSL.query("drop extension if exists {0}", extension(name)));
    }

    /** An extension name: any name, quoted; the server says whether such an extension is available. */
    private static Name extension(String name) {
        return Identifiers.simple("extension name", name);
    }

    public static Plan commentOnTable(String table, String comment) {
        Name name = Identifiers.qualified("table name", table);
        return always(DSL.commentOnTable(name).is(comment == null ? "" : comment));
    }

    public static Plan commentOnColumn(String table, String column, String comment) {
        Name name = Identifiers.qualified("table name", table).append(Identifiers.simple("column name", column));
        return always(DSL.commentOnColumn(name).is(comment == null ? "" : comment));
    }

    public static Plan createMaterializedView(String name, Select<?> query, boolean withData) {
        Name view = Identifiers.qualified("materialized view name", name);
        Objects.requireNonNull(query, "query");
        return always(withData ? DSL.createMaterializedView(view).as(query)
                : DSL.query("create materialized view {0} as {1} with no data", view, inlined(query)));
    }

    /** The query with its bind values inlined, as DDL needs. */
    private static QueryPart inlined(Select<?> query) {
        return DSL.sql(DSL.using(SQLDialect.POSTGRES).renderInlined(query));
    }

    public static Plan refreshMaterializedView(String name, boolean concurrently) {
        Name view = Identifiers.qualified("materialized view name", name);
        return always(DSL.query("refresh materialized view " + (concurrently ? "concurrently " : "") + "{0}", view));
    }

    public static Plan dropMaterializedView(String name, boolean ifExists) {
        Name view = Identifiers.qualified("materialized view name", name);
        return always(ifExists ? DSL.dropMaterializedViewIfExists(view) : DSL.dropMaterializedView(view));
    }

    /** An enum label: any text up to 63 bytes, without NUL; sent as an escaped literal. */
    private static String label(String what, String label) {
        if (label == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (label.indexOf('\0') >= 0 || label.getBytes(StandardCharsets.UTF_8).length > Identifiers.MAX_BYTES) {
            throw new IllegalArgumentException("invalid " + what + " '" + Identifiers.printable(label)
                    + "': at most " + Identifiers.MAX_BYTES + " bytes, without NUL characters");
        }
        return label;
    }

    private static Plan always(Query query) {
        return caps -> execute(query);
    }

    /**
     * One DDL statement. It runs as a fetch, not an execute: over R2DBC a DDL statement reports
     * no row count, so the continuation of an execute would never run and the statements after
     * the first would be silently skipped; a fetch completes with its (empty) rows on both paths.
     */
    private static Work<Void> execute(Query query) {
        return Work.fetch(DSL.resultQuery("{0}", query)).map(rows -> null);
    }

    private static Work<Void> sequence(List<Query> queries) {
        Work<Void> work = Work.done(null);
        for (Query q : queries) {
            work = work.then(v -> execute(q));
        }
        return work;
    }
}
