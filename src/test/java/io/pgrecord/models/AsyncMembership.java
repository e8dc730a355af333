package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("memberships")
public class AsyncMembership extends AsyncActiveRecord<AsyncMembership> {
    public static final AsyncFinder<AsyncMembership> find = finder(AsyncMembership.class);
    @Id public Integer orgId;
    @Id public Long userId;
    public String role;
}
