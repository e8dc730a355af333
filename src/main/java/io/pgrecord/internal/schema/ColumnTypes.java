package io.pgrecord.internal.schema;

import io.pgrecord.Column;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.model.FieldMeta;
import io.pgrecord.internal.types.TypeMapper;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.jooq.Configuration;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.BigDecimalRange;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.jooq.postgres.extensions.types.LocalDateTimeRange;
import org.jooq.postgres.extensions.types.LongRange;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;

/**
 * The column type DDL writes for a model field. It is the type the model layer binds the field
 * with (the {@link TypeMapper} registry), spelled as PostgreSQL names it; the registry's
 * bind-oriented types are corrected where their DDL spelling would be wrong: {@code String} is
 * {@code text} (not {@code varchar}), a Java enum is its PostgreSQL enum, and range types, which
 * bind as untyped text, get their range type's name.
 */
final class ColumnTypes {

    private static final Configuration POSTGRES = DSL.using(SQLDialect.POSTGRES).configuration();

    private static final Map<Class<?>, String> RANGES = Map.of(
            IntegerRange.class, "int4range",
            LongRange.class, "int8range",
            BigDecimalRange.class, "numrange",
            LocalDateRange.class, "daterange",
            LocalDateTimeRange.class, "tsrange",
            OffsetDateTimeRange.class, "tstzrange");

    /**
     * Types the model layer binds as text with a cast, so that the registry's type is the
     * carrier ({@code varchar}), not the column's.
     */
    private static final Map<Class<?>, String> TEXT_CARRIED = Map.of(
            byte[].class, "bytea",
            java.time.Duration.class, "interval",
            java.net.InetAddress.class, "inet",
            java.time.OffsetTime.class, "time with time zone");

    private ColumnTypes() {
    }

    /** The type of a field's column; {@code @Column(type=...)} wins. */
    static QueryPart of(Class<?> model, FieldMeta f) {
        Column column = f.columnAnnotation();
        String where = model.getSimpleName() + "." + f.javaName();
        if (column != null && !column.type().isBlank()) {
            return DSL.sql(SqlFragments.typeName("@Column(type) of " + where, column.type()));
        }
        Class<?> type = f.type();
        Class<?> element = elementType(model, f);
        if (type.isEnum()) {
            return enumType(type);
        }
        if (element != null && element.isEnum()) {
            return DSL.sql("{0}[]", enumType(element));
        }
        if (type == String.class) {
            return DSL.sql("text");
        }
        String range = RANGES.get(type);
        if (range == null && element != null && RANGES.containsKey(element)) {
            range = RANGES.get(element) + "[]";
        }
        if (range != null) {
            return DSL.sql(range);
        }
        String carried = TEXT_CARRIED.get(type);
        if (carried == null && element != null && TEXT_CARRIED.containsKey(element)) {
            carried = TEXT_CARRIED.get(element) + "[]";
        }
        if (carried != null) {
            return DSL.sql(carried);
        }
        String name = f.dataType().getCastTypeName(POSTGRES);
        if (name.startsWith("any") || name.startsWith("other")) {
            throw new MappingException("field " + where + " has no PostgreSQL type pgrecord can write in DDL;"
                    + " give it @Column(type = \"...\")");
        }
        return DSL.sql(name);
    }

    /** A Java enum's PostgreSQL type, by the name the model layer casts to. */
    static QueryPart enumType(Class<?> enumType) {
        return DSL.name(enumName(enumType).getName());
    }

    /** The checked name of a Java enum's type, from {@link TypeMapper#enumTypeName}. */
    static Name enumName(Class<?> enumType) {
        Name rendered = DSL.using(SQLDialect.POSTGRES).parser().parseName(TypeMapper.enumTypeName(enumType));
        return Identifiers.qualified("enum type name of " + enumType.getName(), rendered);
    }

    /** The element class of a {@code List<X>} or {@code X[]} field, else null. */
    private static Class<?> elementType(Class<?> model, FieldMeta f) {
        if (f.type().isArray() && f.type() != byte[].class) {
            return f.type().getComponentType();
        }
        if (!List.class.isAssignableFrom(f.type())) {
            return null;
        }
        Type generic = reflectField(model, f.javaName()).getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** A declared field of the model or one of its superclasses. */
    static Field reflectField(Class<?> model, String name) {
        for (Class<?> c = model; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new MappingException("no field " + name + " in " + model.getName());
    }
}
