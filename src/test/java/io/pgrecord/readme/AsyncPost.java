package io.pgrecord.readme;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

// README: reactive-post-begin
@Table("posts")
public class AsyncPost extends AsyncActiveRecord<AsyncPost> {
    public static final AsyncFinder<AsyncPost> find = finder(AsyncPost.class);
    @Id public Long id;
    public Long userId;
    public String title;
}
// README: reactive-post-end
