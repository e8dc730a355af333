package io.pgrecord.internal.exec;

import io.pgrecord.internal.model.LoadingPolicy;

/**
 * The backend a model instance belongs to, as the core carries it: the blocking or the reactive
 * executor ({@code JdbcExecutor}, {@code R2dbcExecutor}). The core only stores it on loaded
 * models; the public side reads its facade back from the executor.
 */
public interface BackendHandle {

    /** Strict loading and the N+1 warning, as the backend's config sets them. */
    LoadingPolicy loading();
}
