package io.pgrecord.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/** Fields whose values the driver carries as text or as an array, converted on the direct path. */
@Table("converted_rows")
public class AsyncConverted extends AsyncActiveRecord<AsyncConverted> {
    public static final AsyncFinder<AsyncConverted> find = finder(AsyncConverted.class);
    @Id public Long id;
    @Column(type = "jsonb") public JsonNode doc;
    @Column(type = "jsonb") public Map<String, Object> attrs;
    public List<String> tags;
    public List<Long> ids;
    public InetAddress ip;
}
