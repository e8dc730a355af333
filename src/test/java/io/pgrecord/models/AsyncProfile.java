package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("profiles")
public class AsyncProfile extends AsyncActiveRecord<AsyncProfile> {
    public static final AsyncFinder<AsyncProfile> find = finder(AsyncProfile.class);
    @Id public Long id;
    public Long userId;
    public String bio;
}
