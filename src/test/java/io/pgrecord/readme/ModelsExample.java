package io.pgrecord.readme;

import io.pgrecord.ActiveRecord;
import io.pgrecord.PostgresBackend;
import java.util.Map;

/** The statements of the README's "Models" block, after the {@link User} and {@link Post} classes. */
final class ModelsExample {

    private ModelsExample() {
    }

    /** Saves Ann as the README shows and returns her. */
    static User run(PostgresBackend backend) {
        // README: models-usage-begin
        ActiveRecord.configure(backend);                   // or User.find.using(backend), user.using(backend)
        User ann = new User();
        ann.name = "Ann";
        ann.metadata = Map.of("role", "admin");
        ann.save();                                        // INSERT ... RETURNING: id, defaults, version filled
        ann.email = "ann@example.org";
        ann.dirtyFields();                                 // [email]
        ann.save();                                        // UPDATE users SET email = ?, updated_at = ?, lock_version = lock_version + 1
        ann.save();                                        // nothing changed: returns 0, sends no SQL
        // README: models-usage-end
        return ann;
    }
}
