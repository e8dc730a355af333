package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncBelongsTo;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Indexed;
import io.pgrecord.OnDelete;
import io.pgrecord.ReferentialAction;
import io.pgrecord.Table;
import io.pgrecord.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Every column option SchemaManager.createTable reads from a model. */
@Table("items")
@Indexed(value = "name", where = "quantity > 0", include = "sku")
@Indexed(value = {"shopId", "sku"}, unique = true, name = "items_shop_sku")
@Indexed(value = "tags", using = "gin")
public class AsyncItem extends AsyncActiveRecord<AsyncItem> {
    public static final AsyncFinder<AsyncItem> find = finder(AsyncItem.class);
    @Id public Long id;
    @Column(nullable = false) public String name;
    public int quantity;
    @Column(type = "numeric(10,2)", nullable = false, defaultValue = "0") public BigDecimal price;
    @Column(generated = "price * quantity") public BigDecimal total;
    public SchemaMood mood;
    public List<String> tags;
    @Column(type = "varchar(40)", unique = true) public String sku;
    @Column(defaultValue = "now()") public OffsetDateTime addedAt;
    @Version public Integer lockVersion;
    public Long shopId;
    @OnDelete(ReferentialAction.CASCADE) public final AsyncBelongsTo<AsyncShop> shop = belongsTo(AsyncShop.class, "shop_id");
}
