package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncBelongsTo;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("posts")
public class APost extends AsyncActiveRecord<APost> {
    public static final AsyncFinder<APost> find = finder(APost.class);
    @Id public Long id;
    public Long userId;
    public String title;
    public Integer views;
    public final AsyncBelongsTo<AUser> user = belongsTo(AUser.class, "user_id");
    public final AsyncHasMany<AComment> comments = hasMany(AComment.class, "post_id");
    public final AsyncHasMany<ATag> tags = hasManyThrough(ATag.class, "posts_tags", "post_id", "tag_id");
}
