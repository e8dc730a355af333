package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("comments")
public class Comment extends ActiveRecord<Comment> {
    public static final Finder<Comment> find = finder(Comment.class);
    @Id public Long id;
    public Long postId;
    public String body;
}
