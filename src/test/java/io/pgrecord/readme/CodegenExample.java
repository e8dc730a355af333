package io.pgrecord.readme;

import static io.pgrecord.generated.Tables.USERS;

import io.pgrecord.PostgresBackend;
import java.util.List;

/** The README's block on generated tables used next to the models. */
final class CodegenExample {

    private CodegenExample() {
    }

    /** Ann found by her e-mail, and the active users, both through the generated {@code USERS}. */
    record Found(User ann, List<User> active) {
    }

    static Found run(PostgresBackend backend) {
        // README: codegen-begin
        User ann = User.find.where(USERS.EMAIL.eq("ann@example.org")).first().orElseThrow();
        List<User> active = backend.dsl().selectFrom(USERS).where(USERS.IS_ACTIVE).fetch(User.find.mapper());
        // README: codegen-end
        return new Found(ann, active);
    }
}
