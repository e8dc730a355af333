package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A narrow model as the benchmark's: a generated key and three plain columns, no hooks. */
@Table("parts")
public class Part extends ActiveRecord<Part> {
    public static final Finder<Part> find = finder(Part.class);
    @Id public Long id;
    public String name;
    public Integer qty;
    public Boolean active;
}
