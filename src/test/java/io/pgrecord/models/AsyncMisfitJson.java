package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.util.Map;

/** An Integer field over a text column, in a model whose jsonb field makes jOOQ read its rows. */
@Table("misfits")
public class AsyncMisfitJson extends AsyncActiveRecord<AsyncMisfitJson> {
    public static final AsyncFinder<AsyncMisfitJson> find = finder(AsyncMisfitJson.class);
    @Id public Long id;
    public Integer name;                  // a text column
    @Column(type = "jsonb") public Map<String, Object> meta;   // makes jOOQ read the rows
}
