package io.pgrecord.internal.schema;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.schema.ColumnInfo;
import io.pgrecord.schema.ConstraintInfo;
import io.pgrecord.schema.DomainInfo;
import io.pgrecord.schema.EnumInfo;
import io.pgrecord.schema.ExtensionInfo;
import io.pgrecord.schema.ForeignKeyInfo;
import io.pgrecord.schema.IdentityInfo;
import io.pgrecord.schema.IndexInfo;
import io.pgrecord.schema.TableInfo;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The inspector's catalog queries, planned once for both executors: each method returns a plan
 * that, given the server's capabilities, fetches from {@code pg_catalog} and maps the rows to
 * the {@code io.pgrecord.schema} records. The SQL runs on PostgreSQL 12 through 18; where the
 * catalog differs ({@code indnullsnotdistinct} is 15+, NOT NULL constraints are 18+) the plan
 * branches on the server version or filters by kind.
 */
public final class CatalogQueries {

    /** An inspector plan: capabilities in, work out. */
    public interface Plan<T> extends Function<Capabilities, Work<T>> {
    }

    private static final Map<String, String> KINDS = Map.of(
            "r", TableInfo.TABLE, "p", TableInfo.PARTITIONED_TABLE, "v", TableInfo.VIEW,
            "m", TableInfo.MATERIALIZED_VIEW, "f", TableInfo.FOREIGN_TABLE, "S", TableInfo.SEQUENCE);

    private static final Map<String, String> ACTIONS = Map.of(
            "a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE", "n", "SET NULL", "d", "SET DEFAULT");

    private static final Map<String, String> CONSTRAINTS = Map.of(
            "p", ConstraintInfo.PRIMARY_KEY, "f", ConstraintInfo.FOREIGN_KEY, "u", ConstraintInfo.UNIQUE,
            "c", ConstraintInfo.CHECK, "x", ConstraintInfo.EXCLUDE);

    /** The names of the columns numbered in an int2 array column, in array order. */
    private static final String COLUMN_NAMES = "array(select a.attname::text from unnest(%s) with ordinality k(num, ord)"
            + " join pg_catalog.pg_attribute a on a.attrelid = %s and a.attnum = k.num order by k.ord)";

    private CatalogQueries() {
    }

    /** Relations of the given {@code relkind}s in a schema. */
    public static Plan<List<TableInfo>> relations(String schema, String... relkinds) {
        Condition where = CatalogSql.schema(schema).and(CatalogSql.kinds(List.of(relkinds)));
        return caps -> fetch(DSL.resultQuery("select n.nspname::text, c.relname::text, c.relkind::text, p.relname::text,"
                + " pg_catalog.obj_description(c.oid, 'pg_class')"
                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_catalog.pg_inherits i on c.relispartition and i.inhrelid = c.oid"
                + " left join pg_catalog.pg_class p on p.oid = i.inhparent"
                + " where {0} order by n.nspname, c.relname", where),
                r -> new TableInfo(text(r, 0), text(r, 1), KINDS.get(text(r, 2)), text(r, 3), text(r, 4)));
    }

    public static Plan<List<ColumnInfo>> columns(String table) {
        Condition where = CatalogSql.relation(table);
        return caps -> fetch(DSL.resultQuery("select a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod),"
                + " not a.attnotnull, case when a.attgenerated = '' then pg_catalog.pg_get_expr(d.adbin, d.adrelid) end,"
                + " a.attidentity::text, case when a.attgenerated <> '' then pg_catalog.pg_get_expr(d.adbin, d.adrelid) end,"
                + " a.attgenerated::text, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
                + " pg_catalog.col_description(c.oid, a.attnum)"
                + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                + " left join pg_catalog.pg_depend dep on a.attidentity <> '' and dep.classid = 'pg_catalog.pg_class'::regclass"
                + " and dep.refclassid = 'pg_catalog.pg_class'::regclass and dep.refobjid = c.oid"
                + " and dep.refobjsubid = a.attnum and dep.deptype = 'i'"
                + " left join pg_catalog.pg_sequence s on s.seqrelid = dep.objid"
                + " where a.attnum > 0 and not a.attisdropped and {0} order by a.attnum", where),
                CatalogQueries::column);
    }

    private static ColumnInfo column(Record r) {
        String identity = text(r, 4);
        boolean isIdentity = identity != null && !identity.isEmpty();
        IdentityInfo options = isIdentity && r.get(7) != null
                ? new IdentityInfo("a".equals(identity), number(r, 7), number(r, 8), number(r, 9), number(r, 10),
                        number(r, 11), bool(r, 12))
                : null;
        String generation = switch (String.valueOf(text(r, 6))) {
            case "s" -> "STORED";
            case "v" -> "VIRTUAL";
            default -> null;
        };
        return new ColumnInfo(text(r, 0), text(r, 1), bool(r, 2), text(r, 3), isIdentity, text(r, 5), options,
                generation, text(r, 13));
    }

    public static Plan<List<IndexInfo>> indexes(String table) {
        Condition where = CatalogSql.relation(table);
        String key = "case when i.indkey[k - 1] <> 0 then (select a.attname::text from pg_catalog.pg_attribute a"
                + " where a.attrelid = i.indrelid and a.attnum = i.indkey[k - 1])"
                + " else pg_catalog.pg_get_indexdef(i.indexrelid, k, true) end";
        return caps -> fetch(DSL.resultQuery("select ic.relname::text, am.amname::text, i.indisunique,"
                + " pg_catalog.pg_get_expr(i.indpred, i.indrelid),"
                + " array(select " + key + " from generate_series(1, i.indnkeyatts) k order by k),"
                + " array(select " + key + " from generate_series(i.indnkeyatts + 1, i.indnatts) k order by k),"
                + (caps.supports(Capability.NULLS_NOT_DISTINCT) ? " i.indnullsnotdistinct," : " false,")
                + " i.indisprimary, con.conname::text, pg_catalog.pg_get_indexdef(i.indexrelid)"
                + " from pg_catalog.pg_index i join pg_catalog.pg_class ic on ic.oid = i.indexrelid"
                + " join pg_catalog.pg_am am on am.oid = ic.relam"
                + " join pg_catalog.pg_class c on c.oid = i.indrelid join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_catalog.pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid"
                + " and con.contype in ('p', 'u', 'x')"
                + " where {0} order by ic.relname", where),
                r -> new IndexInfo(text(r, 0), text(r, 1), texts(r, 4), bool(r, 2), text(r, 3), texts(r, 5), bool(r, 6),
                        bool(r, 7), text(r, 8), text(r, 9)));
    }

    public static Plan<List<ForeignKeyInfo>> foreignKeys(String table) {
        Condition where = CatalogSql.relation(table);
        return caps -> fetch(DSL.resultQuery("select con.conname::text, "
                + String.format(COLUMN_NAMES, "con.conkey", "con.conrelid") + ", rc.relname::text, "
                + String.format(COLUMN_NAMES, "con.confkey", "con.confrelid") + ", con.confdeltype::text,"
                + " rn.nspname::text, con.confupdtype::text, con.condeferrable, con.condeferred"
                + " from pg_catalog.pg_constraint con join pg_catalog.pg_class c on c.oid = con.conrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " join pg_catalog.pg_class rc on rc.oid = con.confrelid join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace"
                + " where con.contype = 'f' and {0} order by con.conname", where),
                r -> new ForeignKeyInfo(text(r, 0), texts(r, 1), text(r, 2), texts(r, 3), ACTIONS.get(text(r, 4)),
                        text(r, 5), ACTIONS.get(text(r, 6)), bool(r, 7), bool(r, 8)));
    }

    public static Plan<List<ConstraintInfo>> constraints(String table) {
        Condition where = CatalogSql.relation(table);
        return caps -> fetch(DSL.resultQuery("select con.conname::text, con.contype::text, "
                + String.format(COLUMN_NAMES, "con.conkey", "con.conrelid") + ","
                + " pg_catalog.pg_get_constraintdef(con.oid, true), con.condeferrable, con.condeferred"
                + " from pg_catalog.pg_constraint con join pg_catalog.pg_class c on c.oid = con.conrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where con.contype in ('p', 'f', 'u', 'c', 'x') and {0} order by con.conname", where),
                r -> new ConstraintInfo(text(r, 0), CONSTRAINTS.get(text(r, 1)), texts(r, 2), text(r, 3), bool(r, 4), bool(r, 5)));
    }

    public static Plan<List<EnumInfo>> enums(String schema) {
        Condition where = CatalogSql.schema(schema);
        return caps -> fetch(DSL.resultQuery("select t.typname::text, n.nspname::text, pg_catalog.pg_type_is_visible(t.oid),"
                + " array(select e.enumlabel::text from pg_catalog.pg_enum e where e.enumtypid = t.oid order by e.enumsortorder)"
                + " from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace"
                + " where t.typtype = 'e' and {0} order by n.nspname, t.typname", where),
                r -> new EnumInfo(text(r, 0), text(r, 1), bool(r, 2), texts(r, 3)));
    }

    public static Plan<List<DomainInfo>> domains(String schema) {
        Condition where = CatalogSql.schema(schema);
        return caps -> fetch(DSL.resultQuery("select t.typname::text, n.nspname::text,"
                + " pg_catalog.format_type(t.typbasetype, t.typtypmod), not t.typnotnull, t.typdefault,"
                + " array(select pg_catalog.pg_get_constraintdef(k.oid, true) from pg_catalog.pg_constraint k"
                + " where k.contypid = t.oid and k.contype = 'c' order by k.conname)"
                + " from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace"
                + " where t.typtype = 'd' and {0} order by n.nspname, t.typname", where),
                r -> new DomainInfo(text(r, 0), text(r, 1), text(r, 2), bool(r, 3), text(r, 4), texts(r, 5)));
    }

    public static Plan<List<ExtensionInfo>> extensions() {
        return caps -> fetch(DSL.resultQuery("select e.extname::text, e.extversion, n.nspname::text"
                + " from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace order by e.extname"),
                r -> new ExtensionInfo(text(r, 0), text(r, 1), text(r, 2)));
    }

    public static Plan<Boolean> hasTable(String table) {
        Condition where = CatalogSql.relation(table).and(CatalogSql.kinds(List.of("r", "p", "v", "m", "f")));
        return exists(DSL.resultQuery("select 1 from pg_catalog.pg_class c"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where {0}", where));
    }

    public static Plan<Boolean> hasType(String name, String schema) {
        Condition where = DSL.condition("t.typname = {0}", DSL.val(Identifiers.part("type name", name)))
                .and(CatalogSql.schema(schema));
        return exists(DSL.resultQuery("select 1 from pg_catalog.pg_type t"
                + " join pg_catalog.pg_namespace n on n.oid = t.typnamespace where {0}", where));
    }

    public static Plan<Boolean> hasType(String name) {
        Condition where = DSL.condition("t.typname = {0}", DSL.val(Identifiers.part("type name", name)))
                .and(DSL.condition("pg_catalog.pg_type_is_visible(t.oid)"));
        return exists(DSL.resultQuery("select 1 from pg_catalog.pg_type t where {0}", where));
    }

    private static Plan<Boolean> exists(ResultQuery<Record> query) {
        return caps -> Work.fetch(query).map(rows -> !rows.isEmpty());
    }

    private static <T> Work<List<T>> fetch(ResultQuery<Record> query, Function<Record, T> row) {
        return Work.fetch(query).map(rows -> rows.stream().map(row).toList());
    }

    private static String text(Record r, int i) {
        Object v = r.get(i);
        return v == null ? null : v.toString();
    }

    private static boolean bool(Record r, int i) {
        Object v = r.get(i);
        return v instanceof Boolean b ? b : v != null && (v.toString().equals("t") || v.toString().equals("true"));
    }

    private static long number(Record r, int i) {
        return ((Number) r.get(i)).longValue();
    }

    /** A text[] column: pgjdbc hands jOOQ a {@code Array}, R2DBC a {@code String[]}. */
    private static List<String> texts(Record r, int i) {
        Object v = r.get(i);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Array a) {
            try {
                v = a.getArray();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return Arrays.stream((Object[]) v).map(String::valueOf).toList();
    }
}
