package io.pgrecord.internal.model;

import org.jooq.Name;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/**
 * A model's table with its columns as typed fields, each with its field's data type and binding:
 * what {@code find.table()} gives raw jOOQ, so that {@code select().from(find.table())} reads every
 * column as the models read it. A table by name alone has no fields, and jOOQ then reads the
 * drivers' default objects (a numeric over r2dbc as a Byte, a time without its microseconds).
 */
final class ModelTable extends TableImpl<Record> {

    private static final long serialVersionUID = 1L;

    ModelTable(Name name, Iterable<FieldMeta> fields) {
        super(name.unqualifiedName(), name.qualified() ? DSL.schema(name.qualifier()) : null);
        for (FieldMeta f : fields) {
            createField(DSL.name(f.column()), f.dataType(), this);
        }
    }
}
