package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("comments")
public class AComment extends AsyncActiveRecord<AComment> {
    public static final AsyncFinder<AComment> find = finder(AComment.class);
    @Id public Long id;
    public Long postId;
    public String body;
}
