package io.pgrecord.bench.paired;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * Hand-written statements on the raw r2dbc-postgresql pool, the reactive floor: check a
 * connection out, bind, execute, map each row by hand, give the connection back.
 */
final class RawR2dbc {

    private RawR2dbc() {
    }

    static <T> Flux<T> flux(ConnectionPool pool, String sql, Consumer<Statement> binds, Function<Row, T> mapper) {
        return Flux.usingWhen(pool.create(),
                (Connection c) -> {
                    Statement st = c.createStatement(sql);
                    binds.accept(st);
                    return Flux.from(st.execute()).flatMap(result -> result.map((row, meta) -> mapper.apply(row)));
                },
                Connection::close);
    }

    static <T> List<T> query(ConnectionPool pool, String sql, Consumer<Statement> binds, Function<Row, T> mapper) {
        return flux(pool, sql, binds, mapper).collectList().block();
    }

    static <T> T one(ConnectionPool pool, String sql, Consumer<Statement> binds, Function<Row, T> mapper) {
        List<T> rows = query(pool, sql, binds, mapper);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
