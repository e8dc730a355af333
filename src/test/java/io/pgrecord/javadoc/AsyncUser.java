package io.pgrecord.javadoc;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** {@link User} on the reactive backend, for the Javadoc of the reactive classes. */
// @start region="model"
@Table("users")
public class AsyncUser extends AsyncActiveRecord<AsyncUser> {
    public static final AsyncFinder<AsyncUser> find = finder(AsyncUser.class);
    @Id public Long id;
    public String name;
    public String email;
}
// @end
