package io.pgrecord.demo;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("posts")
public class AsyncPost extends AsyncActiveRecord<AsyncPost> {
    public static final AsyncFinder<AsyncPost> find = finder(AsyncPost.class);
    @Id public Long id;
    public Long userId;
    public String title;
}
