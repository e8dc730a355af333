package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Errors;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The model that the Javadoc of {@code ActiveRecord}, {@code Finder} and {@code Errors} shows. */
@SuppressWarnings("this-escape")  // the relation field keeps the owner and reads it only later
// @start region="model"
@Table("users")
public class User extends ActiveRecord<User> {
    public static final Finder<User> find = finder(User.class);
    @Id public Long id;
    public String name;
    public String email;
    public final HasMany<Post> posts = hasMany(Post.class);

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
