package io.pgrecord.readme;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.pgrecord.Pg;
import io.pgrecord.demo.Product;
import io.pgrecord.types.PgTypes;
import io.pgrecord.types.TsVector;
import java.util.Map;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.SQLDataType;

/** The README's "Operators and types" block, with the demo's {@link Product} and this package's {@link Doc}. */
final class OperatorsExample {

    static final Field<JSONB> ATTRIBUTES = field(name("attributes"), SQLDataType.JSONB);
    static final Field<TsVector> BODY_TSV = field(name("body_tsv"), PgTypes.TSVECTOR);

    private OperatorsExample() {
    }

    static void run() {
        // README: operators-begin
        Product.find.where(Pg.contains(ATTRIBUTES, Map.of("brand", "Dell"))).all();
        Doc.find.where(Pg.match(BODY_TSV, Pg.websearchToTsQuery("english", "fat cat"))).all();
        // README: operators-end
    }
}
