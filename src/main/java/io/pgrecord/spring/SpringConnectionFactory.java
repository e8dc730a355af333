package io.pgrecord.spring;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import reactor.core.publisher.Mono;

/**
 * The application's ConnectionFactory as the reactive backend sees it: inside a Spring
 * transaction (R2dbcTransactionManager, found through the Reactor context) its connection,
 * outside one a connection of the factory. Closing a connection leaves a transaction's one to
 * Spring, as Spring's DatabaseClient does; Spring's TransactionAwareConnectionFactoryProxy
 * would instead count the close as the holder's last release and drop the transaction's
 * connection before Spring commits it.
 */
final class SpringConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

    private final ConnectionFactory target;

    SpringConnectionFactory(ConnectionFactory target) {
        this.target = target;
    }

    /**
     * Spring's connection for the subscriber's context, and whether it is a Spring transaction's:
     * asked here, where the context is the caller's, since a close may be subscribed without it.
     */
    @Override
    public Publisher<? extends Connection> create() {
        return ConnectionFactoryUtils.getConnection(target).flatMap(connection -> ConnectionFactoryUtils
                .currentConnectionFactory(target).map(inTransaction -> true)
                .onErrorResume(Exception.class, e -> Mono.just(false))   // no transaction in the context
                .defaultIfEmpty(false)
                .map(transactional -> closingBySpring(connection, transactional)));
    }

    private static Connection closingBySpring(Connection connection, boolean transactional) {
        return (Connection) Proxy.newProxyInstance(SpringConnectionFactory.class.getClassLoader(),
                new Class<?>[] {Connection.class, Wrapped.class},
                (proxy, method, args) -> invoke(connection, transactional, method, args));
    }

    private static Object invoke(Connection connection, boolean transactional, Method method, Object[] args)
            throws Throwable {
        switch (method.getName()) {
            case "close" -> {
                // a Spring transaction's connection is Spring's to return, when the transaction ends
                return transactional ? Mono.empty() : connection.close();
            }
            case "unwrap" -> {
                return connection;
            }
            default -> {
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getTargetException();
                }
            }
        }
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return target.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return target;
    }
}
