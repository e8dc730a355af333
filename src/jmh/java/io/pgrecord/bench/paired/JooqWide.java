package io.pgrecord.bench.paired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Raw jOOQ on the wide tables: typed fields as jOOQ's generator would declare them (inet read
 * and written as its text, which the pool's stringtype=unspecified lets the server cast), rows
 * mapped by hand into the model's types.
 */
final class JooqWide {

    static final Table<Record> WIDE = DSL.table(DSL.name("bench_wide"));
    static final Table<Record> WIDE_INS = DSL.table(DSL.name("bench_wide_ins"));
    static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    static final Field<String> TITLE = DSL.field(DSL.name("title"), SQLDataType.CLOB);
    static final Field<String> CODE = DSL.field(DSL.name("code"), SQLDataType.VARCHAR(40));
    static final Field<Integer> QTY = DSL.field(DSL.name("qty"), SQLDataType.INTEGER);
    static final Field<BigDecimal> PRICE = DSL.field(DSL.name("price"), SQLDataType.NUMERIC(12, 2));
    static final Field<Boolean> ACTIVE = DSL.field(DSL.name("active"), SQLDataType.BOOLEAN);
    static final Field<OffsetDateTime> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<LocalDate> DAY = DSL.field(DSL.name("day"), SQLDataType.LOCALDATE);
    static final Field<UUID> REF = DSL.field(DSL.name("ref"), SQLDataType.UUID);
    static final Field<JSONB> PAYLOAD = DSL.field(DSL.name("payload"), SQLDataType.JSONB);
    static final Field<String[]> TAGS = DSL.field(DSL.name("tags"), SQLDataType.CLOB.array());
    static final Field<String> IP = DSL.field(DSL.name("ip"), SQLDataType.CLOB);
    static final List<Field<?>> ALL = List.of(ID, TITLE, CODE, QTY, PRICE, ACTIVE, CREATED_AT, DAY, REF, PAYLOAD, TAGS, IP);

    private final WideOps ops;
    private final DSLContext dsl;

    JooqWide(Fixture f, WideOps ops) {
        this.ops = ops;
        this.dsl = f.db.jooq;
    }

    WideRow map(Record r) {
        return new WideRow(r.get(ID), r.get(TITLE), r.get(CODE), r.get(QTY), r.get(PRICE), r.get(ACTIVE), r.get(CREATED_AT),
                r.get(DAY), r.get(REF), ops.tree(r.get(PAYLOAD).data()), Arrays.asList(r.get(TAGS)), WideOps.inet(r.get(IP)));
    }

    WideRow byId(long id) {
        Record r = dsl.select(ALL).from(WIDE).where(ID.eq(id)).fetchOne();
        return r == null ? null : map(r);
    }

    List<WideRow> upTo(long last) {
        return dsl.select(ALL).from(WIDE).where(ID.le(last)).orderBy(ID).fetch(this::map);
    }

    WideRow insert(WideRow w) {
        return map(dsl.insertInto(WIDE_INS).columns(TITLE, CODE, QTY, PRICE, ACTIVE, CREATED_AT, DAY, REF, PAYLOAD, TAGS, IP)
                .values(w.title(), w.code(), w.qty(), w.price(), w.active(), w.createdAt(), w.day(), w.ref(),
                        JSONB.valueOf(w.payload().toString()), w.tags().toArray(new String[0]), w.ip().getHostAddress())
                .returning(ALL).fetchOne());
    }
}
