package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.math.BigDecimal;
import java.util.Map;

@Table("products")
public class AsyncProduct extends AsyncActiveRecord<AsyncProduct> {
    public static final AsyncFinder<AsyncProduct> find = finder(AsyncProduct.class);
    @Id public Long id;
    public String name;
    @Column(type = "jsonb") public Map<String, Object> attributes;
    public BigDecimal price;
}
