package io.pgrecord.bench.paired;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgrecord.bench.model.AsyncWideItem;
import io.pgrecord.bench.model.AsyncWideNewItem;
import io.pgrecord.bench.model.WideItem;
import io.pgrecord.bench.model.WideNewItem;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A row of the twelve-column tables, as the raw variants map it by hand into the model's own
 * types, and the form every variant's result is compared in. A timestamp compares as an instant.
 */
record WideRow(Long id, String title, String code, Integer qty, BigDecimal price, Boolean active, OffsetDateTime createdAt,
        LocalDate day, UUID ref, JsonNode payload, List<String> tags, InetAddress ip) {

    static WideRow of(WideItem m) {
        return new WideRow(m.id, m.title, m.code, m.qty, m.price, m.active, m.createdAt, m.day, m.ref, m.payload, m.tags, m.ip);
    }

    static WideRow of(AsyncWideItem m) {
        return new WideRow(m.id, m.title, m.code, m.qty, m.price, m.active, m.createdAt, m.day, m.ref, m.payload, m.tags, m.ip);
    }

    static WideRow of(WideNewItem m) {
        return new WideRow(m.id, m.title, m.code, m.qty, m.price, m.active, m.createdAt, m.day, m.ref, m.payload, m.tags, m.ip);
    }

    static WideRow of(AsyncWideNewItem m) {
        return new WideRow(m.id, m.title, m.code, m.qty, m.price, m.active, m.createdAt, m.day, m.ref, m.payload, m.tags, m.ip);
    }

    WideRow withoutId() {
        return new WideRow(null, title, code, qty, price, active, createdAt, day, ref, payload, tags, ip);
    }

    /** The form the checks compare: the timestamp as an instant at UTC. */
    WideRow normalized() {
        return new WideRow(id, title, code, qty, price, active,
                createdAt == null ? null : createdAt.toInstant().atOffset(java.time.ZoneOffset.UTC), day, ref, payload, tags, ip);
    }

    void fill(WideNewItem m) {
        m.title = title;
        m.code = code;
        m.qty = qty;
        m.price = price;
        m.active = active;
        m.createdAt = createdAt;
        m.day = day;
        m.ref = ref;
        m.payload = payload;
        m.tags = tags;
        m.ip = ip;
    }

    void fill(AsyncWideNewItem m) {
        m.title = title;
        m.code = code;
        m.qty = qty;
        m.price = price;
        m.active = active;
        m.createdAt = createdAt;
        m.day = day;
        m.ref = ref;
        m.payload = payload;
        m.tags = tags;
        m.ip = ip;
    }
}
