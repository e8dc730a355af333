package io.pgrecord.readme;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncPostgresBackend;

/** The statements of the README's "Reactive models" block, after {@link AsyncUser} and {@link AsyncPost}. */
final class ReactiveModelsExample {

    private ReactiveModelsExample() {
    }

    /** Saves Cy as the README shows and returns her. */
    static AsyncUser run(AsyncPostgresBackend async) {
        // README: reactive-usage-begin
        AsyncActiveRecord.configure(async);
        AsyncUser cy = new AsyncUser();
        cy.name = "Cy";
        cy.save().block();                                                     // Mono<Integer>
        AsyncUser.find.where("name = ?", "Cy").all().collectList().block();    // Flux<AsyncUser>
        cy.posts.get().map(p -> p.title).collectList().block();
        // README: reactive-usage-end
        return cy;
    }
}
