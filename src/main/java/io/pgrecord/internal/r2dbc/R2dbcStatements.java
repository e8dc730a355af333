package io.pgrecord.internal.r2dbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.pgrecord.internal.exec.ReactiveScope;
import io.pgrecord.internal.exec.RowTarget;
import io.pgrecord.internal.exec.StatementTiming;
import io.pgrecord.internal.types.ColumnKind;
import io.pgrecord.internal.types.DateTimeText;
import io.pgrecord.internal.types.DirectType;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pre-rendered statements on R2DBC, bound and read by {@link ColumnKind} with no jOOQ in
 * between; r2dbc-postgresql caches the prepared statement per SQL text. Connections come
 * through the {@link ObservedConnectionFactory}, so statements are logged and errors translated
 * as on every other path.
 */
final class R2dbcStatements implements ReactiveScope.Statements {

    private final Function<Function<Connection, Publisher<Object>>, Mono<Object>> using;
    private final ObjectMapper jsonMapper;

    private R2dbcStatements(Function<Function<Connection, Publisher<Object>>, Mono<Object>> using, ObjectMapper jsonMapper) {
        this.using = using;
        this.jsonMapper = jsonMapper;
    }

    /** Each call takes a pooled connection and returns it when done; JSON values go through {@code jsonMapper}. */
    static R2dbcStatements pooled(ObservedConnectionFactory factory, ObjectMapper jsonMapper) {
        return new R2dbcStatements(work -> Mono.usingWhen(factory.acquire(), c -> Mono.from(work.apply(c)),
                Connection::close), jsonMapper);
    }

    /** Every call runs on this connection, e.g. a transaction's. */
    static R2dbcStatements on(Connection connection, ObjectMapper jsonMapper) {
        return new R2dbcStatements(work -> Mono.from(work.apply(connection)), jsonMapper);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<Long> copyIn(String sql, List<byte[]> data) {
        return (Mono<Long>) (Mono<?>) using.apply(c -> (Publisher<Object>) (Publisher<?>) R2dbcCopy.copyOn(c, sql, data));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<List<Object[]>> rows(String sql, Object[] values, DirectType[] kinds, DirectType[] columns,
            RowTarget target) {
        return (Mono<List<Object[]>>) (Mono<?>) using.apply(c -> {
            // straight on the driver's statement: one log call and one error mapping for the whole
            // statement instead of the per-statement and per-result wrappers raw jOOQ goes through
            Connection driver = c;
            StatementTiming timing = null;
            if (c instanceof ObservedConnection observed) {
                timing = observed.start(sql);
                driver = observed.delegate();
            }
            Statement st = driver.createStatement(sql);
            for (int i = 0; i < values.length; i++) {
                DirectType kind = kinds[i];
                bind(st, i, kind.kind(), kind.converted() ? kind.toDriver(values[i], jsonMapper) : values[i]);
            }
            int size = DirectType.rowSize(columns);
            // no prefetch: results come one after the other anyway, and no queue is allocated for them
            Mono<List<Object[]>> rows = Flux.from(st.execute())
                    .concatMap(result -> result.map((row, metadata) -> read(row, metadata, columns, size, jsonMapper)), 0)
                    .collectList()
                    .onErrorMap(e -> e instanceof UnreadableColumnException u ? RowTarget.describe(target, u)
                            : ObservedConnection.translated(c, sql, e));
            return (Publisher<Object>) (Publisher<?>) (timing == null ? rows : timed(rows, timing, values));
        });
    }

    private static Mono<List<Object[]>> timed(Mono<List<Object[]>> rows, StatementTiming timing, Object[] values) {
        return rows.doOnSuccess(read -> timing.succeeded(read == null ? 0 : read.size(), () -> Arrays.asList(values)))
                .doOnError(e -> timing.failed(e, () -> Arrays.asList(values)));
    }

    private static void bind(Statement st, int i, ColumnKind kind, Object v) {
        if (kind == ColumnKind.UNTYPED_TEXT || kind == ColumnKind.TEXT) {
            // every string untyped, as on pgjdbc with stringtype=unspecified (see R2dbcBinds)
            st.bind(i, R2dbcBinds.untyped((String) v));
        } else if (v == null) {
            st.bindNull(i, kind.type());
        } else if (kind == ColumnKind.DATE || kind == ColumnKind.TIMESTAMP || kind == ColumnKind.TIMESTAMPTZ) {
            // range-checked by BindValues; the text of the few dates r2dbc-postgresql would make -infinity
            st.bind(i, DateTimeText.forDriver(v));
        } else {
            st.bind(i, v);
        }
    }

    /**
     * Column {@code i} as its kind's type. Dates and timestamps are read as the server's ISO text
     * and parsed here: r2dbc-postgresql parses them with a {@code DateTimeFormatter}, which took
     * about half of its time on a row of the twelve-column table.
     */
    private static Object get(Row row, int i, ColumnKind kind) {
        return switch (kind) {
            case DATE -> parsed(row.get(i, String.class), DateTimeText::parseDate);
            case TIMESTAMP -> parsed(row.get(i, String.class), DateTimeText::parseTimestamp);
            case TIMESTAMPTZ -> parsed(row.get(i, String.class), DateTimeText::parseTimestampTz);
            default -> row.get(i, kind.type());
        };
    }

    private static Object parsed(String text, Function<String, ?> parse) {
        return text == null ? null : parse.apply(text);
    }

    private static Object[] read(Row row, RowMetadata metadata, DirectType[] columns, int size, ObjectMapper jsonMapper) {
        Object[] values = new Object[size];
        int i = 0;
        try {
            for (int snapshot = columns.length; i < columns.length; i++) {
                DirectType column = columns[i];
                snapshot = column.store(values, i, snapshot, get(row, i, column.kind()), jsonMapper);
            }
        } catch (MappingException e) {
            // a conversion's own verdict on a value, e.g. an inet with a prefix for an InetAddress
            throw e;
        } catch (RuntimeException e) {
            // a value the codec cannot decode as the kind's type, e.g. text read as Integer
            throw new UnreadableColumnException(i, R2dbcColumns.name(metadata, i), R2dbcColumns.serverType(metadata, i),
                    columns[i].type(), e);
        }
        return values;
    }
}
