package io.pgrecord.readme;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

@SuppressWarnings("this-escape")  // the relation field keeps the owner and reads it only later
// README: reactive-user-begin
@Table("users")
public class AsyncUser extends AsyncActiveRecord<AsyncUser> {
    public static final AsyncFinder<AsyncUser> find = finder(AsyncUser.class);
    @Id public Long id;
    public String name;
    public final AsyncHasMany<AsyncPost> posts = hasMany(AsyncPost.class, "user_id");
}
// README: reactive-user-end
