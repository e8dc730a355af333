package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("profiles")
public class AProfile extends AsyncActiveRecord<AProfile> {
    public static final AsyncFinder<AProfile> find = finder(AProfile.class);
    @Id public Long id;
    public Long userId;
    public String bio;
}
