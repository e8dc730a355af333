package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("comments")
public class AsyncComment extends AsyncActiveRecord<AsyncComment> {
    public static final AsyncFinder<AsyncComment> find = finder(AsyncComment.class);
    @Id public Long id;
    public Long postId;
    public String body;
}
