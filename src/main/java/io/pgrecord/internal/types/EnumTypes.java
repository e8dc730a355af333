package io.pgrecord.internal.types;

import io.pgrecord.EnumLabel;
import io.pgrecord.PgEnum;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.model.Names;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Java enums as PostgreSQL enums. The type is {@code @PgEnum("name")} or the snake_case of the
 * enum's simple name; a constant's label is {@code @EnumLabel("...")} or its {@code name()}.
 * Values always travel with a cast, {@code cast(? as "mood")}, so the server checks the label
 * (an unknown one is a {@code DataException}) and never has to guess the type; arrays are one
 * literal, {@code cast(? as "mood"[])}, on both backends.
 */
final class EnumTypes {

    private static final Map<Class<?>, DataType<?>> TYPES = new ConcurrentHashMap<>();

    private EnumTypes() {
    }

    static DataType<?> of(Class<?> enumClass) {
        return TYPES.computeIfAbsent(enumClass, EnumTypes::create);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DataType<?> create(Class<?> c) {
        Map<String, Object> byLabel = new HashMap<>();
        Map<Object, String> labels = new HashMap<>();
        for (Object constant : c.getEnumConstants()) {
            String label = label((Enum<?>) constant);
            Object clash = byLabel.put(label, constant);
            if (clash != null) {
                throw new MappingException("enum " + c.getName() + " maps " + clash + " and " + constant
                        + " to the same label '" + label + "'");
            }
            labels.put(constant, label);
        }
        String type = typeName(c);
        Converter<String, Object> converter = PlainConverter.of(String.class, (Class) c,
                label -> {
                    Object constant = byLabel.get(label);
                    if (constant == null) {
                        throw new MappingException("enum label '" + label + "' of type " + type + " has no constant in "
                                + c.getName() + "; known labels: " + labels.values());
                    }
                    return constant;
                },
                labels::get);
        return SQLDataType.VARCHAR.asConvertedDataType(TextBinding.of(type, converter));
    }

    /** The quoted PostgreSQL type name of a Java enum, schema-qualified when {@code @PgEnum} says so. */
    static String typeName(Class<?> enumClass) {
        PgEnum pg = enumClass.getAnnotation(PgEnum.class);
        String name = pg != null ? pg.value() : Names.snakeCase(enumClass.getSimpleName());
        return DSL.using(SQLDialect.POSTGRES).render(DSL.name(name.split("\\.")));
    }

    private static String label(Enum<?> constant) {
        try {
            EnumLabel label = constant.getDeclaringClass().getField(constant.name()).getAnnotation(EnumLabel.class);
            return label != null ? label.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
