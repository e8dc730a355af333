package io.pgrecord.internal.schema;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.Column;
import io.pgrecord.Indexed;
import io.pgrecord.OnDelete;
import io.pgrecord.ReferentialAction;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.model.FieldMeta;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RelationSpec;
import io.pgrecord.schema.Index;
import io.pgrecord.schema.TableOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.Constraint;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * {@code CREATE TABLE} from a model's metadata, with the indexes of its {@link Indexed}
 * annotations. The statement is a plain-SQL template over jOOQ parts (names, constraints,
 * types): jOOQ's open-source DDL cannot write generated columns, UNLOGGED or PARTITION BY, and
 * one template for every table keeps a single rendering path.
 */
final class TableDdl {

    private static final Set<Class<?>> INTEGERS = Set.of(Long.class, long.class, Integer.class, int.class, Short.class, short.class);

    private final ModelMeta<?> meta;
    private final Capabilities caps;
    private final String where;
    private final StringBuilder template = new StringBuilder();
    private final List<QueryPart> parts = new ArrayList<>();

    private TableDdl(ModelMeta<?> meta, Capabilities caps) {
        this.meta = meta;
        this.caps = caps;
        this.where = "model " + meta.type().getSimpleName();
    }

    /**
     * Checks the model and every gate, then builds the statements, nothing sent yet: the
     * {@code CREATE TABLE}, then one {@code CREATE INDEX} per {@link Indexed} annotation.
     */
    static List<Query> plan(Class<?> model, TableOptions options, boolean ifNotExists, Capabilities caps) {
        ModelMeta<?> meta = ModelMeta.of(model);
        meta.requireCapabilities(caps);
        TableDdl ddl = new TableDdl(meta, caps);
        List<Query> statements = new ArrayList<>(List.of(ddl.create(options, ifNotExists)));
        Set<String> names = new HashSet<>();
        for (Indexed indexed : model.getAnnotationsByType(Indexed.class)) {
            Index index = ddl.index(indexed, ifNotExists);
            if (indexed.name().isBlank()) {
                index = index.named(unused(index.name(), names));
            }
            names.add(index.name());
            statements.add(IndexDdl.create(index, caps));
        }
        return statements;
    }

    /**
     * A generated index name that no earlier index of the model has: {@code bookings_room_id_idx},
     * then {@code bookings_room_id_idx1} and so on, as PostgreSQL numbers its own.
     */
    private static String unused(String generated, Set<String> taken) {
        String base = generated.substring(0, generated.length() - "_idx".length());
        String name = generated;
        for (int n = 1; taken.contains(name); n++) {
            name = Identifiers.truncated(base, "_idx" + n);
        }
        return name;
    }

    /** The model's table name, checked. */
    static Name tableName(ModelMeta<?> meta) {
        return Identifiers.qualified("table name of model " + meta.type().getSimpleName(), meta.tableName());
    }

    private Query create(TableOptions options, boolean ifNotExists) {
        template.append("create ");
        if (options.isUnlogged()) {
            template.append("unlogged ");
        } else if (options.isTemporary()) {
            template.append("temporary ");
        }
        template.append("table ").append(ifNotExists ? "if not exists " : "").append(arg(tableName(meta))).append(" (");
        List<QueryPart> elements = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            elements.add(column(f));
        }
        elements.addAll(constraints());
        template.append(arg(DSL.list(elements))).append(")");
        if (!options.inherits().isEmpty()) {
            List<Name> parents = options.inherits().stream().map(p -> Identifiers.qualified("parent table", p)).toList();
            template.append(" inherits (").append(arg(DSL.list(parents))).append(")");
        }
        if (options.partitionBy() != null) {
            caps.require(Capability.DECLARATIVE_PARTITIONING);
            if (options.partitionBy() == TableOptions.PartitionBy.HASH) {
                caps.require(Capability.HASH_PARTITIONING);
            }
            List<Name> keys = options.partitionKeys().stream().map(k -> DSL.name(meta.resolve(k).column())).toList();
            template.append(" partition by ").append(options.partitionBy().name().toLowerCase(Locale.ROOT))
                    .append(" (").append(arg(DSL.list(keys))).append(")");
        }
        if (options.onCommit() != null) {
            template.append(" on commit ").append(options.onCommit().sql().toLowerCase(Locale.ROOT));
        }
        return DSL.query(template.toString(), parts.toArray());
    }

    private String arg(QueryPart part) {
        parts.add(part);
        return "{" + (parts.size() - 1) + "}";
    }

    private QueryPart column(FieldMeta f) {
        Column c = f.columnAnnotation();
        String what = where + " field " + f.javaName();
        List<QueryPart> args = new ArrayList<>();
        args.add(Identifiers.simple("column name of " + what, f.column()));
        args.add(ColumnTypes.of(meta.type(), f));
        StringBuilder sql = new StringBuilder("{0} {1}");
        if (isIdentity(f)) {
            caps.require(Capability.IDENTITY_COLUMNS);
            sql.append(" generated by default as identity");
        }
        if (f.isGenerated()) {
            caps.require(c.virtual() ? Capability.VIRTUAL_GENERATED_COLUMNS : Capability.GENERATED_COLUMNS);
            args.add(SqlFragments.expression("@Column(generated) of " + what, c.generated()));
            sql.append(" generated always as ({").append(args.size() - 1).append("}) ").append(c.virtual() ? "virtual" : "stored");
        } else if (c != null && c.virtual()) {
            throw new MappingException(what + " has @Column(virtual = true) without generated = \"expression\"");
        }
        if (f.type().isPrimitive() || f.isId() || f.isVersion() || (c != null && !c.nullable())) {
            sql.append(" not null");
        }
        if (c != null && !c.defaultValue().isBlank()) {
            args.add(SqlFragments.expression("@Column(defaultValue) of " + what, c.defaultValue()));
            sql.append(" default {").append(args.size() - 1).append("}");
        } else if (f.isVersion()) {
            sql.append(" default 0");
        }
        return DSL.sql(sql.toString(), args.toArray());
    }

    /** A single integer {@code @Id} without a default of its own is an identity column. */
    private boolean isIdentity(FieldMeta f) {
        Column c = f.columnAnnotation();
        return f.isId() && meta.ids().size() == 1 && INTEGERS.contains(f.type())
                && (c == null || (c.defaultValue().isBlank() && c.generated().isBlank()));
    }

    private List<Constraint> constraints() {
        List<Constraint> list = new ArrayList<>();
        if (!meta.ids().isEmpty()) {
            list.add(DSL.primaryKey(meta.ids().stream().map(f -> DSL.name(f.column())).toArray(Name[]::new)));
        }
        for (FieldMeta f : meta.fields()) {
            if (f.columnAnnotation() != null && f.columnAnnotation().unique()) {
                list.add(DSL.unique(DSL.name(f.column())));
            }
        }
        for (String relation : meta.relationNames()) {
            RelationSpec spec = meta.relationSpec(relation);
            if (spec.kind() == RelationSpec.Kind.BELONGS_TO) {
                list.add(foreignKey(relation, spec));
            }
        }
        return list;
    }

    private Constraint foreignKey(String relation, RelationSpec spec) {
        FieldMeta fk = meta.byColumn(spec.foreignKey());
        if (fk == null) {
            throw new MappingException(where + " relation " + relation + " needs a field for its foreign-key column "
                    + spec.foreignKey() + "; add it, or name another column in belongsTo(" + spec.target().getSimpleName()
                    + ".class, \"column\")");
        }
        ModelMeta<?> target = ModelMeta.of(spec.target());
        ConstraintForeignKeyOnStep step = DSL.foreignKey(DSL.name(fk.column()))
                .references(tableName(target), DSL.name(target.singleId().column()));
        OnDelete onDelete = ColumnTypes.reflectField(meta.type(), relation).getAnnotation(OnDelete.class);
        ReferentialAction action = onDelete == null ? ReferentialAction.NO_ACTION : onDelete.value();
        return switch (action) {
            case NO_ACTION -> step;
            case RESTRICT -> step.onDeleteRestrict();
            case CASCADE -> step.onDeleteCascade();
            case SET_NULL -> step.onDeleteSetNull();
            case SET_DEFAULT -> step.onDeleteSetDefault();
        };
    }

    private Index index(Indexed indexed, boolean ifNotExists) {
        Index index = Index.on(Identifiers.text(tableName(meta)));
        for (String key : indexed.value()) {
            index = index.columns(meta.resolve(key).column());
        }
        if (!indexed.name().isBlank()) {
            index = index.named(indexed.name());
        }
        if (!indexed.using().isBlank()) {
            index = index.using(indexed.using());
        }
        if (!indexed.where().isBlank()) {
            index = index.where(indexed.where());
        }
        for (String column : indexed.include()) {
            index = index.include(meta.resolve(column).column());
        }
        index = indexed.nullsNotDistinct() ? index.nullsNotDistinct() : indexed.unique() ? index.unique() : index;
        index = indexed.concurrently() ? index.concurrently() : index;
        return ifNotExists ? index.ifNotExists() : index;
    }
}
