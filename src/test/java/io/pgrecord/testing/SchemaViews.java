package io.pgrecord.testing;

import io.pgrecord.schema.AsyncInspector;
import io.pgrecord.schema.AsyncSchemaManager;
import io.pgrecord.schema.Inspector;
import io.pgrecord.schema.SchemaManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The schema manager and inspector of either backend behind the blocking interfaces, so a
 * scenario is written once. The reactive side is a proxy that calls the async method of the
 * same name and parameters and waits for its {@code Mono}: it also proves, method for method,
 * that the async API mirrors the blocking one.
 */
public final class SchemaViews {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private SchemaViews() {
    }

    public static SchemaManager schema(Exec exec, TestDatabase db) {
        return exec == Exec.JDBC ? db.blocking().schema() : blocking(db.async().schema());
    }

    public static Inspector inspector(Exec exec, TestDatabase db) {
        return exec == Exec.JDBC ? db.blocking().inspector() : blocking(db.async().inspector());
    }

    public static SchemaManager blocking(AsyncSchemaManager async) {
        return proxy(SchemaManager.class, AsyncSchemaManager.class, async);
    }

    public static Inspector blocking(AsyncInspector async) {
        return proxy(Inspector.class, AsyncInspector.class, async);
    }

    private static <S> S proxy(Class<S> sync, Class<?> asyncType, Object async) {
        Object proxy = Proxy.newProxyInstance(sync.getClassLoader(), new Class<?>[] {sync}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "blocking " + async : method.invoke(async, args);
            }
            Method target = asyncType.getMethod(method.getName(), method.getParameterTypes());
            Mono<?> mono;
            try {
                mono = (Mono<?>) target.invoke(async, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError("async " + method.getName() + " threw instead of returning a failed Mono", e.getCause());
            }
            return mono.block(WAIT);
        });
        return sync.cast(proxy);
    }
}
