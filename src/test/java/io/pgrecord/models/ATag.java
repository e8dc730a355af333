package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("tags")
public class ATag extends AsyncActiveRecord<ATag> {
    public static final AsyncFinder<ATag> find = finder(ATag.class);
    @Id public Long id;
    public String label;
}
