package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("tags")
public class Tag extends ActiveRecord<Tag> {
    public static final Finder<Tag> find = finder(Tag.class);
    @Id public Long id;
    public String label;
}
