package io.pgrecord.models;

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

/** {@link Wide} on the reactive API. */
@Table("wides")
public class AsyncWide extends AsyncActiveRecord<AsyncWide> {
    public static final AsyncFinder<AsyncWide> find = finder(AsyncWide.class);
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
