package io.pgrecord.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.util.List;
import java.util.Map;

/** {@link Memo} on the reactive API. */
@Table("memos")
public class AsyncMemo extends AsyncActiveRecord<AsyncMemo> {
    public static final AsyncFinder<AsyncMemo> find = finder(AsyncMemo.class);
    @Id public Long id;
    public String name;
    @Column(type = "jsonb") public Map<String, Object> body;
    @Column(type = "json") public Map<String, Object> loose;
    @Column(type = "jsonb") public Memo.Label label;
    @Column(type = "jsonb") public JsonNode tree;
    @Column(type = "jsonb[]") public List<Map<String, Object>> parts;
    /** An interval, which copyIn writes as text: set it to make the whole copy text. */
    public java.time.Duration pause;
}
