package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("memberships")
public class Membership extends ActiveRecord<Membership> {
    public static final Finder<Membership> find = finder(Membership.class);
    @Id public Integer orgId;
    @Id public Long userId;
    public String role;
}
