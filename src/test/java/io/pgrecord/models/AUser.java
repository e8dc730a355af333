package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.AsyncHasOne;
import io.pgrecord.Column;
import io.pgrecord.CreatedAt;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.UpdatedAt;
import io.pgrecord.Version;
import java.time.OffsetDateTime;
import java.util.Map;

@Table("users")
public class AUser extends AsyncActiveRecord<AUser> {
    public static final AsyncFinder<AUser> find = finder(AUser.class);
    @Id public Long id;
    public String name;
    public String email;
    public Boolean isActive;
    @Column(type = "jsonb") public Map<String, Object> metadata;
    @Version public Integer lockVersion;
    @CreatedAt public OffsetDateTime createdAt;
    @UpdatedAt public OffsetDateTime updatedAt;
    public Integer score;
    public final AsyncHasMany<APost> posts = hasMany(APost.class, "user_id");
    public final AsyncHasOne<AProfile> profile = hasOne(AProfile.class, "user_id");
}
