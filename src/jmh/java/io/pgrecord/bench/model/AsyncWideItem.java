package io.pgrecord.bench.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The twelve columns of bench_wide. */
@Table("bench_wide")
public class AsyncWideItem extends AsyncActiveRecord<AsyncWideItem> {
    public static final AsyncFinder<AsyncWideItem> find = finder(AsyncWideItem.class);
    @Id public Long id;
    public String title;
    public String code;
    public Integer qty;
    public BigDecimal price;
    public Boolean active;
    public OffsetDateTime createdAt;
    public LocalDate day;
    public UUID ref;
    @Column(type = "jsonb") public JsonNode payload;
    public List<String> tags;
    public InetAddress ip;
}
