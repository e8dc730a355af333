package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.BelongsTo;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("posts")
public class Post extends ActiveRecord<Post> {
    public static final Finder<Post> find = finder(Post.class);
    @Id public Long id;
    public Long userId;
    public String title;
    public Integer views;
    public final BelongsTo<User> user = belongsTo(User.class);
    public final HasMany<Comment> comments = hasMany(Comment.class);
    public final HasMany<Tag> tags = hasManyThrough(Tag.class, "posts_tags");
}
