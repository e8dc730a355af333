package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.Id;
import io.pgrecord.StrictLoading;
import io.pgrecord.Table;

/** The reactive twin of {@link StrictUser}. */
@StrictLoading
@Table("users")
public class AsyncStrictUser extends AsyncActiveRecord<AsyncStrictUser> {
    public static final AsyncFinder<AsyncStrictUser> find = finder(AsyncStrictUser.class);
    @Id public Long id;
    public String name;
    public final AsyncHasMany<AsyncPost> posts = hasMany(AsyncPost.class, "user_id");
}
