package io.pgrecord.spring;

import io.pgrecord.ActiveRecord;
import io.pgrecord.AsyncActiveRecord;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The model classes named by the property {@code pgrecord.models}: each is a blocking or a
 * reactive model, and each backend is configured for its own kind. Without the property, each
 * backend becomes the default of all models of its kind.
 */
final class ModelClasses {

    static final String PROPERTY = "pgrecord.models";

    private final List<Class<?>> blocking = new ArrayList<>();
    private final List<Class<?>> reactive = new ArrayList<>();
    private final boolean listed;

    private ModelClasses(List<String> names, ClassLoader loader) {
        this.listed = !names.isEmpty();
        for (String name : names) {
            Class<?> type = load(name.strip(), loader);
            if (ActiveRecord.class.isAssignableFrom(type)) {
                blocking.add(type);
            } else if (AsyncActiveRecord.class.isAssignableFrom(type)) {
                reactive.add(type);
            } else {
                throw new IllegalStateException(PROPERTY + ": " + name + " is not a model (it extends neither ActiveRecord"
                        + " nor AsyncActiveRecord)");
            }
        }
    }

    static ModelClasses of(Environment environment, ClassLoader loader) {
        return new ModelClasses(Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of()),
                loader);
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return ClassUtils.forName(name, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(PROPERTY + ": no class " + name + " on the class path", e);
        }
    }

    /** Whether the property lists models; if not, the backends become the defaults. */
    boolean listed() {
        return listed;
    }

    Class<?>[] blocking() {
        return blocking.toArray(Class<?>[]::new);
    }

    Class<?>[] reactive() {
        return reactive.toArray(Class<?>[]::new);
    }
}
