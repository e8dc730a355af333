package io.pgrecord.internal.model;

/**
 * How a relation joins: its kind, target model and the key columns, with the naming defaults
 * already applied.
 *
 * @param kind the relation kind
 * @param target the related model class
 * @param foreignKey for BELONGS_TO the FK column on the owner's table; for HAS_ONE and HAS_MANY
 *     the FK column on the target's table; for HAS_MANY_THROUGH the join-table column pointing at the owner
 * @param joinTable the join table of HAS_MANY_THROUGH, else null
 * @param joinTargetColumn the join-table column pointing at the target, else null
 */
public record RelationSpec(Kind kind, Class<?> target, String foreignKey, String joinTable, String joinTargetColumn) {

    public enum Kind { BELONGS_TO, HAS_ONE, HAS_MANY, HAS_MANY_THROUGH }

    public static RelationSpec belongsTo(Class<?> target, String fk) {
        return new RelationSpec(Kind.BELONGS_TO, target, fk != null ? fk : keyOf(target), null, null);
    }

    public static RelationSpec hasOne(Class<?> owner, Class<?> target, String fk) {
        return new RelationSpec(Kind.HAS_ONE, target, fk != null ? fk : keyOf(owner), null, null);
    }

    public static RelationSpec hasMany(Class<?> owner, Class<?> target, String fk) {
        return new RelationSpec(Kind.HAS_MANY, target, fk != null ? fk : keyOf(owner), null, null);
    }

    /** The join table's name, schema-qualified when written {@code schema.table}, as {@code @Table} takes it. */
    public org.jooq.Name joinTableName() {
        return org.jooq.impl.DSL.name(joinTable.split("\\."));
    }

    public static RelationSpec through(Class<?> owner, Class<?> target, String joinTable, String ownerColumn, String targetColumn) {
        return new RelationSpec(Kind.HAS_MANY_THROUGH, target, ownerColumn != null ? ownerColumn : keyOf(owner),
                joinTable, targetColumn != null ? targetColumn : keyOf(target));
    }

    /** {@code <snake_case of the simple name>_id}, per class once: every model instance builds its relations. */
    private static final ClassValue<String> KEYS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> model) {
            return Names.snakeCase(model.getSimpleName()) + "_id";
        }
    };

    private static String keyOf(Class<?> model) {
        return KEYS.get(model);
    }

    public boolean isToMany() {
        return kind == Kind.HAS_MANY || kind == Kind.HAS_MANY_THROUGH;
    }
}
