package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.Table;
import io.pgrecord.Transient;
import java.util.List;

/** What toString() shows and hides: a secret, a scratch field, bytes, a long text and an array. */
@Table("badges")
public class AsyncBadge extends AsyncActiveRecord<AsyncBadge> {
    public static final AsyncFinder<AsyncBadge> find = finder(AsyncBadge.class);
    @Id public Long id;
    public String name;
    @Sensitive public String token;
    public byte[] avatar;
    public String bio;
    public List<String> tags;
    @Transient public String note;
}
