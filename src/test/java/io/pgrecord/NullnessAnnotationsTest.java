package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.testing.ModulePaths;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The nullness contract is declared, not only documented: every exported package is
 * {@code @NullMarked}, and the API methods that may return null say so with {@code @Nullable}.
 */
class NullnessAnnotationsTest {

    @Test
    void everyExportedPackageIsNullMarked() throws Exception {
        ModuleDescriptor descriptor = ModuleFinder.of(ModulePaths.pgrecordClasses()).find("io.pgrecord")
                .map(ModuleReference::descriptor).orElseThrow();
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).hasSize(6);
        for (String pkg : exported) {
            Class<?> info = Class.forName(pkg + ".package-info");
            assertThat(info.isAnnotationPresent(NullMarked.class)).as("%s is @NullMarked", pkg).isTrue();
        }
    }

    @Test
    void theValuesThatMayBeAbsentAreNullable() throws Exception {
        List<Method> nullable = List.of(
                BelongsTo.class.getMethod("get"),
                HasOne.class.getMethod("get"),
                Query.class.getMethod("avg", String.class),
                Query.class.getMethod("min", String.class),
                Query.class.getMethod("max", String.class),
                TransactionManager.class.getMethod("isolationLevel"),
                AsyncTransactionManager.class.getMethod("isolationLevel"),
                TransactionOptions.class.getMethod("isolation"),
                TransactionOptions.class.getMethod("isReadOnly"),
                TransactionOptions.class.getMethod("isDeferrable"),
                Upsert.class.getMethod("constraint"),
                Upsert.class.getMethod("indexPredicate"),
                Upsert.class.getMethod("updateWhere"));
        for (Method m : nullable) {
            assertThat(isNullable(m.getAnnotatedReturnType())).as("%s returns @Nullable", m).isTrue();
        }
        // the present values stay non-null
        assertThat(isNullable(Query.class.getMethod("sum", String.class).getAnnotatedReturnType())).isFalse();
        assertThat(Query.class.getMethod("sum", String.class).getReturnType()).isEqualTo(BigDecimal.class);
        assertThat(isNullable(Finder.class.getMethod("getById", Object.class).getAnnotatedReturnType())).isFalse();
    }

    @Test
    void nullBindsAndSettingsAreAccepted() throws Exception {
        AnnotatedType binds = QueryBuilder.class.getMethod("where", String.class, Object[].class)
                .getAnnotatedParameterTypes()[1];
        assertThat(isNullable(((AnnotatedArrayType) binds).getAnnotatedGenericComponentType())).isTrue();
        assertThat(isNullable(TransactionManager.class.getMethod("setIsolationLevel", IsolationLevel.class)
                .getAnnotatedParameterTypes()[0])).isTrue();
        // inTransaction(Supplier<T>) passes on whatever the work returns, null included
        Method in = TransactionManager.class.getMethod("inTransaction", Supplier.class);
        assertThat(isNullable(in.getTypeParameters()[0].getAnnotatedBounds()[0])).isTrue();
    }

    private static boolean isNullable(AnnotatedType type) {
        return type.isAnnotationPresent(Nullable.class);
    }
}
