package io.pgrecord.readme;

import io.pgrecord.ActiveRecord;
import io.pgrecord.BelongsTo;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@SuppressWarnings("this-escape")  // the relation field keeps the owner and reads it only later
// README: models-post-begin
@Table("posts")
public class Post extends ActiveRecord<Post> {
    public static final Finder<Post> find = finder(Post.class);
    @Id public Long id;
    public Long userId;
    public String title;
    public final BelongsTo<User> user = belongsTo(User.class);       // FK posts.user_id
}
// README: models-post-end
