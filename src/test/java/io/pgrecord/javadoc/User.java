package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Errors;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.HasOne;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;
import java.util.Map;

/** The model that the Javadoc of {@code ActiveRecord}, {@code Finder} and {@code Errors} shows. */
@SuppressWarnings("this-escape")  // the relation fields keep the owner and read it only later
// @start region="model"
@Table("users")
public class User extends ActiveRecord<User> {
    public static final Finder<User> find = finder(User.class);
    @Id public Long id;
    public String name;
    public String email;
    public Boolean isActive;
    @Column(type = "jsonb") public Map<String, Object> metadata;
    @Version public Integer lockVersion;
    public final HasMany<Post> posts = hasMany(Post.class);            // posts.user_id
    public final HasOne<Profile> profile = hasOne(Profile.class);      // profiles.user_id

    // @start region="validate"
    @Override
    protected void validate(Errors errors) {
        if (email != null && !email.contains("@")) {
            errors.add("email", "must contain @");
        }
    }
    // @end
}
// @end
