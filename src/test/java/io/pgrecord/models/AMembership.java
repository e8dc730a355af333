package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("memberships")
public class AMembership extends AsyncActiveRecord<AMembership> {
    public static final AsyncFinder<AMembership> find = finder(AMembership.class);
    @Id public Integer orgId;
    @Id public Long userId;
    public String role;
}
