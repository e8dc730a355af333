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
public class AsyncUser extends AsyncActiveRecord<AsyncUser> {
    public static final AsyncFinder<AsyncUser> find = finder(AsyncUser.class);
    @Id public Long id;
    public String name;
    public String email;
    public Boolean isActive;
    @Column(type = "jsonb") public Map<String, Object> metadata;
    @Version public Integer lockVersion;
    @CreatedAt public OffsetDateTime createdAt;
    @UpdatedAt public OffsetDateTime updatedAt;
    public Integer score;
    public final AsyncHasMany<AsyncPost> posts = hasMany(AsyncPost.class, "user_id");
    public final AsyncHasOne<AsyncProfile> profile = hasOne(AsyncProfile.class, "user_id");
}
