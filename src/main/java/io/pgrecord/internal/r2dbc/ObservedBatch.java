package io.pgrecord.internal.r2dbc;

import io.pgrecord.internal.exec.StatementTiming;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Result;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** A batch whose statements are logged when it runs and whose errors come out translated. */
final class ObservedBatch implements Batch {

    private final Batch delegate;
    private final ObservedConnectionFactory owner;
    private final List<String> statements = new ArrayList<>();

    ObservedBatch(Batch delegate, ObservedConnectionFactory owner) {
        this.delegate = delegate;
        this.owner = owner;
    }

    @Override
    public Batch add(String sql) {
        statements.add(sql);
        delegate.add(sql);
        return this;
    }

    @Override
    public Publisher<? extends Result> execute() {
        return Flux.defer(() -> {
            statements.forEach(owner.recorder()::record);
            String sql = String.join(";\n", statements);
            StatementTiming timing = owner.recorder().time(sql);
            return TimedResults.observe(Flux.from(delegate.execute()), e -> owner.failed(sql, e),
                    timing == null ? null : new TimedResults(timing, List::of));
        });
    }
}
