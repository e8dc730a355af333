package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("profiles")
public class Profile extends ActiveRecord<Profile> {
    public static final Finder<Profile> find = finder(Profile.class);
    @Id public Long id;
    public Long userId;
    public String bio;
}
