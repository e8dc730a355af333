package io.pgrecord.readme;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.CreatedAt;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.UpdatedAt;
import io.pgrecord.Version;
import java.time.OffsetDateTime;
import java.util.Map;

@SuppressWarnings("this-escape")  // the relation field keeps the owner and reads it only later
// README: models-user-begin
@Table("users")                                    // default: snake_case of the class name
public class User extends ActiveRecord<User> {
    public static final Finder<User> find = finder(User.class);
    @Id public Long id;                            // identity: null on insert, filled from RETURNING
    public String name;
    public String email;
    public Boolean isActive;                       // column is_active
    @Column(type = "jsonb") public Map<String, Object> metadata;
    @Version public Integer lockVersion;           // optimistic locking
    @CreatedAt public OffsetDateTime createdAt;
    @UpdatedAt public OffsetDateTime updatedAt;
    public final HasMany<Post> posts = hasMany(Post.class);          // FK posts.user_id
}
// README: models-user-end
