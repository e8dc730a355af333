package io.pgrecord.internal.query;

import io.pgrecord.error.MappingException;
import io.pgrecord.internal.model.FieldMeta;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RecordState;
import io.pgrecord.internal.model.RelationSpec;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JoinType;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** The pre-filtered query behind one owner's relation, e.g. {@code user.posts.query()}. */
public final class RelationQueries {

    private RelationQueries() {
    }

    /** Whether the relation's key on the owner's side is null: a null foreign key, or an owner without its id yet. */
    public static boolean nothingToLoad(Object owner, RelationSpec spec) {
        if (spec.kind() != RelationSpec.Kind.BELONGS_TO && RecordState.isNew(owner)) {
            return true;    // its children cannot exist yet, whatever id it was given (as in Rails)
        }
        ModelMeta<?> ownerMeta = ModelMeta.of(owner.getClass());
        FieldMeta key = spec.kind() == RelationSpec.Kind.BELONGS_TO ? ownerMeta.byColumn(spec.foreignKey()) : ownerMeta.singleId();
        return key != null && key.get(owner) == null;
    }

    /**
     * The owner's value the relation is loaded by: its foreign key for a belongs-to, its id
     * otherwise. A cached value loaded for another key is stale (see {@code Relation}).
     */
    public static @Nullable Object loadedBy(Object owner, RelationSpec spec) {
        ModelMeta<?> ownerMeta = ModelMeta.of(owner.getClass());
        FieldMeta key = spec.kind() == RelationSpec.Kind.BELONGS_TO ? ownerMeta.byColumn(spec.foreignKey())
                : ownerMeta.ids().size() == 1 ? ownerMeta.ids().get(0) : null;
        return key == null ? null : key.get(owner);
    }

    public static QuerySpec forOwner(Object owner, RelationSpec spec) {
        ModelMeta<?> ownerMeta = ModelMeta.of(owner.getClass());
        ModelMeta<?> target = ModelMeta.of(spec.target());
        QuerySpec q = new QuerySpec(target);
        return switch (spec.kind()) {
            case BELONGS_TO -> {
                FieldMeta fk = ownerMeta.byColumn(spec.foreignKey());
                if (fk == null) {
                    throw new MappingException("belongsTo(" + target.type().getSimpleName() + ") on "
                            + ownerMeta.type().getSimpleName() + " needs a field for column " + spec.foreignKey());
                }
                FieldMeta pk = target.singleId();
                Object key = fk.get(owner);
                yield q.where(List.of(key == null ? DSL.falseCondition() : pk.field().eq(DSL.val(key, pk.dataType()))));
            }
            case HAS_ONE, HAS_MANY -> {
                FieldMeta pk = ownerMeta.singleId();
                Object key = pk.get(owner);
                Field<Object> fk = DSL.field(target.tableName().append(spec.foreignKey()), pk.dataType());
                yield q.where(List.of(key == null ? DSL.falseCondition() : fk.eq(DSL.val(key, pk.dataType()))))
                        .defaultOrderBy(QuerySpec.byKey(target));
            }
            case HAS_MANY_THROUGH -> {
                FieldMeta pk = ownerMeta.singleId();
                FieldMeta targetPk = target.singleId();
                Object key = pk.get(owner);
                Field<Object> ownerColumn = DSL.field(spec.joinTableName().append(spec.foreignKey()), pk.dataType());
                Field<Object> targetColumn = DSL.field(spec.joinTableName().append(spec.joinTargetColumn()), targetPk.dataType());
                Condition on = targetColumn.eq(targetPk.field());
                yield q.join(new QuerySpec.Join(DSL.table(spec.joinTableName()), JoinType.JOIN, on))
                        .where(List.of(key == null ? DSL.falseCondition() : ownerColumn.eq(DSL.val(key, pk.dataType()))))
                        .defaultOrderBy(List.of(new QuerySpec.NamedOrder(targetPk, false)));
            }
        };
    }
}
