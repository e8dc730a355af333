package io.pgrecord.schema;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.Model;
import io.pgrecord.models.SchemaMood;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.SchemaViews;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** A model's createTable gives exactly the table the inspector reports, and the model round-trips through it. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class CreateTableFromModelTest {

    private static final IdentityInfo BY_DEFAULT = new IdentityInfo(false, 1, 1, 1, Long.MAX_VALUE, 1, false);

    @BothBackends
    void inspectorReportsTheModelsTableExactly(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        ModelOps ops = ModelOps.on(exec, db);
        schema.dropTableIfExists(ops.type("Item"));
        schema.dropTableIfExists(ops.type("Shop"));
        schema.dropEnumIfExists(SchemaMood.class);

        schema.createEnumIfNotExists(SchemaMood.class);
        schema.createTable(ops.type("Shop"));
        schema.createTable(ops.type("Item"));

        assertThat(insp.columns("items")).containsExactly(
                new ColumnInfo("id", "bigint", false, null, true, null, BY_DEFAULT, null, null),
                new ColumnInfo("name", "text", false, null, false, null, null, null, null),
                new ColumnInfo("quantity", "integer", false, null, false, null, null, null, null),
                new ColumnInfo("price", "numeric(10,2)", false, "0", false, null, null, null, null),
                new ColumnInfo("total", "numeric", true, null, false, "(price * (quantity)::numeric)", null, "STORED", null),
                new ColumnInfo("mood", "mood", true, null, false, null, null, null, null),
                new ColumnInfo("tags", "text[]", true, null, false, null, null, null, null),
                new ColumnInfo("sku", "character varying(40)", true, null, false, null, null, null, null),
                new ColumnInfo("added_at", "timestamp with time zone", true, "now()", false, null, null, null, null),
                new ColumnInfo("lock_version", "integer", false, "0", false, null, null, null, null),
                new ColumnInfo("shop_id", "bigint", true, null, false, null, null, null, null));

        assertThat(insp.indexes("items")).extracting(IndexInfo::name, IndexInfo::method, IndexInfo::columns,
                        IndexInfo::unique, IndexInfo::predicate, IndexInfo::include, IndexInfo::primary, IndexInfo::constraint)
                .containsExactly(
                        tuple("items_name_idx", "btree", List.of("name"), false, "(quantity > 0)", List.of("sku"), false, null),
                        tuple("items_pkey", "btree", List.of("id"), true, null, List.of(), true, "items_pkey"),
                        tuple("items_shop_sku", "btree", List.of("shop_id", "sku"), true, null, List.of(), false, null),
                        tuple("items_sku_key", "btree", List.of("sku"), true, null, List.of(), false, "items_sku_key"),
                        tuple("items_tags_idx", "gin", List.of("tags"), false, null, List.of(), false, null));

        assertThat(insp.foreignKeys("items")).containsExactly(new ForeignKeyInfo("items_shop_id_fkey", List.of("shop_id"),
                "shops", List.of("id"), "CASCADE", "public", "NO ACTION", false, false));
        assertThat(insp.constraints("items")).extracting(ConstraintInfo::name, ConstraintInfo::type).containsExactly(
                tuple("items_pkey", ConstraintInfo.PRIMARY_KEY),
                tuple("items_shop_id_fkey", ConstraintInfo.FOREIGN_KEY),
                tuple("items_sku_key", ConstraintInfo.UNIQUE));
        assertThat(insp.enums("public")).containsExactly(new EnumInfo("mood", "public", true, List.of("SAD", "OK", "it's great")));
        assertThat(insp.tables("public")).extracting(TableInfo::name, TableInfo::kind)
                .contains(tuple("items", TableInfo.TABLE), tuple("shops", TableInfo.TABLE));
        assertThat(insp.hasTable("items")).isTrue();
        assertThat(insp.hasTable("public.items")).isTrue();
        assertThat(insp.hasTable("other.items")).isFalse();
    }

    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void theModelRoundTripsThroughTheCreatedTable(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        ModelOps ops = ModelOps.on(exec, db);
        schema.dropTableIfExists(ops.type("Item"));
        schema.dropTableIfExists(ops.type("Shop"));
        schema.createEnumIfNotExists(SchemaMood.class);
        schema.createTableIfNotExists(ops.type("Shop"));
        schema.createTableIfNotExists(ops.type("Item"));
        schema.createTableIfNotExists(ops.type("Item"));          // a second time changes nothing

        Model shop = ops.insert("Shop", "name", "Corner " + exec);
        Model item = ops.insert("Item", "name", "Tea", "quantity", 3, "price", new BigDecimal("2.50"),
                "mood", SchemaMood.GREAT, "tags", List.of("hot", "leaf"), "sku", "T-1", "shopId", get(shop, "id"));
        assertThat((Long) get(item, "id")).isNotNull();
        assertThat((BigDecimal) get(item, "total")).isEqualByComparingTo("7.50");           // generated by the server
        assertThat((OffsetDateTime) get(item, "addedAt")).isNotNull();                       // column default
        assertThat((Integer) get(item, "lockVersion")).isZero();

        Model loaded = ops.getById("Item", get(item, "id"));
        assertThat((String) get(loaded, "name")).isEqualTo("Tea");
        assertThat((SchemaMood) get(loaded, "mood")).isEqualTo(SchemaMood.GREAT);
        assertThat((List<String>) get(loaded, "tags")).containsExactly("hot", "leaf");
        assertThat(db.queryValue("SELECT mood::text FROM items WHERE id = " + get(item, "id"))).isEqualTo("it's great");

        ops.delete(shop);                                                                   // ON DELETE CASCADE
        assertThat(db.queryValue("SELECT count(*) FROM items")).isEqualTo(0L);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
