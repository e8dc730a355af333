package io.pgrecord.bench;

import org.jooq.Identity;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;
import org.jooq.impl.UpdatableRecordImpl;

/**
 * What jOOQ's code generator would emit for the two item tables, written by hand so the raw-jOOQ
 * variant gets real {@code UpdatableRecord}s (store() updates only the changed fields).
 */
public final class JooqTables {

    private JooqTables() {
    }

    public static final ItemsTable<ItemRec> ITEMS = new ItemsTable<>("bench_items", ItemRec.class);
    public static final ItemsTable<InsRec> INS = new ItemsTable<>("bench_ins", InsRec.class);

    public static final class ItemsTable<R extends UpdatableRecordImpl<R>> extends TableImpl<R> {
        private static final long serialVersionUID = 1L;
        private final Class<R> recordType;
        @SuppressWarnings("removal") // identity(true) is what jOOQ's code generator still emits
        public final TableField<R, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false).identity(true), this, "");
        public final TableField<R, String> NAME = createField(DSL.name("name"), SQLDataType.CLOB.nullable(false), this, "");
        public final TableField<R, Integer> QTY = createField(DSL.name("qty"), SQLDataType.INTEGER.nullable(false), this, "");
        public final TableField<R, Boolean> ACTIVE = createField(DSL.name("active"), SQLDataType.BOOLEAN.nullable(false), this, "");

        ItemsTable(String name, Class<R> recordType) {
            super(DSL.name(name));
            this.recordType = recordType;
        }

        @Override
        public Class<R> getRecordType() {
            return recordType;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Identity<R, Long> getIdentity() {
            return (Identity<R, Long>) super.getIdentity();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"}) // jOOQ takes a generic array of key fields, as in its generated code
        public UniqueKey<R> getPrimaryKey() {
            return Internal.createUniqueKey(this, DSL.name(getName() + "_pkey"), new TableField[] {ID}, true);
        }
    }

    public static final class ItemRec extends UpdatableRecordImpl<ItemRec> {
        private static final long serialVersionUID = 1L;

        public ItemRec() {
            super(ITEMS);
        }
    }

    public static final class InsRec extends UpdatableRecordImpl<InsRec> {
        private static final long serialVersionUID = 1L;

        public InsRec() {
            super(INS);
        }
    }
}
