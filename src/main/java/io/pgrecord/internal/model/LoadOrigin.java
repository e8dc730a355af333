package io.pgrecord.internal.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the records of one query (or of one level of its {@code include(...)}) share about
 * loading: whether the query was strict, the include path that reached them, for the fix a
 * message names, and how many of them loaded each relation lazily, for the N+1 warning. Made
 * only when strict loading or the warning is on, so default queries carry nothing.
 */
public final class LoadOrigin {

    private final boolean strict;
    private final String path;
    private final int threshold;
    /** Per relation, the records that loaded it lazily, up to the threshold: a record reloading it counts once. */
    private final @Nullable Map<String, Set<Object>> lazyLoads;

    private LoadOrigin(boolean strict, String path, int threshold) {
        this.strict = strict;
        this.path = path;
        this.threshold = threshold;
        this.lazyLoads = threshold > 0 ? new ConcurrentHashMap<>() : null;
    }

    /** The origin of a query's records, or null when neither strict loading nor the N+1 warning is on. */
    public static @Nullable LoadOrigin of(boolean strictQuery, LoadingPolicy policy) {
        boolean strict = strictQuery || policy.strict();
        if (!strict && policy.nPlusOneThreshold() == 0) {
            return null;
        }
        return new LoadOrigin(strict, "", policy.nPlusOneThreshold());
    }

    /** The origin of the records that {@code include(relation)} loads for this origin's records. */
    public LoadOrigin child(String relation) {
        return new LoadOrigin(strict, path + relation + ".", threshold);
    }

    /** Attaches the origin to records just loaded; nothing when it is null. */
    public static void mark(List<?> models, @Nullable LoadOrigin origin) {
        if (origin != null) {
            ModelAccess access = ModelAccess.get();
            for (Object m : models) {
                access.loadOrigin(m, origin);
            }
        }
    }

    int threshold() {
        return threshold;
    }

    /** {@code model}, just loaded, with the origin attached when there is one. */
    public static <T> T marked(T model, @Nullable LoadOrigin origin) {
        if (origin != null) {
            ModelAccess.get().loadOrigin(model, origin);
        }
        return model;
    }

    public boolean strict() {
        return strict;
    }

    /** The include path that loads {@code relation} with the query that loaded these records. */
    public String includeFor(String relation) {
        return path + relation;
    }

    /**
     * Counts a lazy load of {@code relation} by {@code owner}; true exactly once, when the number
     * of distinct records that loaded it reaches the threshold.
     */
    boolean countLazyLoad(String relation, Object owner) {
        if (lazyLoads == null) {
            return false;
        }
        Set<Object> owners = lazyLoads.computeIfAbsent(relation, k -> Collections.newSetFromMap(new IdentityHashMap<>()));
        synchronized (owners) {
            return owners.size() < threshold && owners.add(owner) && owners.size() == threshold;
        }
    }
}
