package io.pgrecord.testing;

import org.testcontainers.containers.PostgreSQLContainer;

/** PostgreSQL in Docker, opt-in with {@code -Dpgrecord.test.provider=testcontainers}. */
final class ContainerServer implements PgServer {

    private final PostgreSQLContainer<?> container;

    private ContainerServer(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    static ContainerServer start(String majorVersion) {
        PostgreSQLContainer<?> c = new PostgreSQLContainer<>("postgres:" + majorVersion)
                .withCommand("postgres", "-c", "max_connections=300", "-c", "max_prepared_transactions=20");
        c.start();
        return new ContainerServer(c);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(5432);
    }

    @Override
    public String user() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String adminDatabase() {
        return container.getDatabaseName();
    }

    @Override
    public void close() {
        container.stop();
    }
}
