package io.pgrecord.demo;

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

@Table("users")
public class User extends ActiveRecord<User> {
    public static final Finder<User> find = finder(User.class);
    @Id public Long id;
    @Column(nullable = false) public String name;
    @Column(unique = true) public String email;
    @Column(nullable = false, defaultValue = "true") public Boolean isActive;
    @Column(type = "jsonb") public Map<String, Object> metadata;
    @Version public Integer lockVersion;
    @CreatedAt public OffsetDateTime createdAt;
    @UpdatedAt public OffsetDateTime updatedAt;
    @Column(defaultValue = "10") public Integer score;
    public final HasMany<Post> posts = hasMany(Post.class);          // FK posts.user_id
}
