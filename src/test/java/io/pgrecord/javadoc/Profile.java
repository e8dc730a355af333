package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A user's profile, for the Javadoc of {@code HasOne}. */
@Table("profiles")
public class Profile extends ActiveRecord<Profile> {
    @Id public Long id;
    public Long userId;
    public String bio;
}
