package io.pgrecord.demo;

import io.pgrecord.ActiveRecord;
import io.pgrecord.BelongsTo;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.OnDelete;
import io.pgrecord.ReferentialAction;
import io.pgrecord.Table;

@Table("posts")
public class Post extends ActiveRecord<Post> {
    public static final Finder<Post> find = finder(Post.class);
    @Id public Long id;
    public Long userId;
    @Column(nullable = false) public String title;
    @OnDelete(ReferentialAction.CASCADE)
    public final BelongsTo<User> user = belongsTo(User.class);       // FK posts.user_id
}
