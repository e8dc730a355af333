package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The posts of {@link User}, for the Javadoc's relation examples. */
@Table("posts")
public class Post extends ActiveRecord<Post> {
    public static final Finder<Post> find = finder(Post.class);
    @Id public Long id;
    public Long userId;
    public String title;
}
