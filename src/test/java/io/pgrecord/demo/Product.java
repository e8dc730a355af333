package io.pgrecord.demo;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import java.util.Map;

public class Product extends ActiveRecord<Product> {
    public static final Finder<Product> find = finder(Product.class);
    @Id public Long id;
    public String name;
    @Column(type = "jsonb") public Map<String, Object> attributes;
}
