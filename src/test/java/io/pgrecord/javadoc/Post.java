package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.BelongsTo;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.OnDelete;
import io.pgrecord.ReferentialAction;
import io.pgrecord.Table;

/** The posts of {@link User}, for the Javadoc's relation examples. */
@SuppressWarnings("this-escape")  // the relation field keeps the owner and reads it only later
@Table("posts")
public class Post extends ActiveRecord<Post> {
    public static final Finder<Post> find = finder(Post.class);
    @Id public Long id;
    public Long userId;
    public String title;
    // @start region="on-delete"
    @OnDelete(ReferentialAction.CASCADE)
    public final BelongsTo<User> user = belongsTo(User.class);    // posts.user_id REFERENCES users ON DELETE CASCADE
    // @end
}
