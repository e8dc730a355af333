package io.pgrecord.internal.model;

/**
 * How a backend treats relations read before they were loaded.
 *
 * @param strict whether every such read raises instead of querying
 * @param nPlusOneThreshold how many records of one query load the same relation lazily before
 *     one WARN; 0 turns the warning off
 */
public record LoadingPolicy(boolean strict, int nPlusOneThreshold) {

    /** Lazy loading, no warning: the default, and the policy of a backend over an application's pool. */
    public static final LoadingPolicy DEFAULT = new LoadingPolicy(false, 0);
}
