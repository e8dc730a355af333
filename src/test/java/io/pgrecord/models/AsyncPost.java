package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncBelongsTo;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("posts")
public class AsyncPost extends AsyncActiveRecord<AsyncPost> {
    public static final AsyncFinder<AsyncPost> find = finder(AsyncPost.class);
    @Id public Long id;
    public Long userId;
    public String title;
    public Integer views;
    public final AsyncBelongsTo<AsyncUser> user = belongsTo(AsyncUser.class, "user_id");
    public final AsyncHasMany<AsyncComment> comments = hasMany(AsyncComment.class, "post_id");
    public final AsyncHasMany<AsyncTag> tags = hasManyThrough(AsyncTag.class, "posts_tags", "post_id", "tag_id");
}
