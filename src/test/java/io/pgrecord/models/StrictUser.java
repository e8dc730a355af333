package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.Id;
import io.pgrecord.StrictLoading;
import io.pgrecord.Table;

/** A user whose relations never load lazily. */
@StrictLoading
@Table("users")
public class StrictUser extends ActiveRecord<StrictUser> {
    public static final Finder<StrictUser> find = finder(StrictUser.class);
    @Id public Long id;
    public String name;
    public final HasMany<Post> posts = hasMany(Post.class, "user_id");
}
