package io.pgrecord.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Id;
import org.junit.jupiter.api.Test;

/** Rows skip the after-load call only for models whose hierarchy leaves the hook alone. */
class HookOverridesTest {

    public static class Plain extends ActiveRecord<Plain> {
        @Id public Long id;
    }

    public abstract static class Audited<T extends Audited<T>> extends ActiveRecord<T> {
        @Id public Long id;

        @Override
        protected void afterLoad() {
        }
    }

    public static class AuditedChild extends Audited<AuditedChild> {
        public String name;

        @Override
        protected void beforeSave() {
        }
    }

    @Test
    void hooksDeclaredAnywhereBelowTheBaseClassCount() {
        assertThat(ModelMeta.of(Plain.class).overrides(Hook.AFTER_LOAD)).isFalse();
        ModelMeta<AuditedChild> child = ModelMeta.of(AuditedChild.class);
        assertThat(child.overrides(Hook.AFTER_LOAD)).isTrue();
        assertThat(child.overrides(Hook.BEFORE_SAVE)).isTrue();
        assertThat(child.overrides(Hook.AFTER_SAVE)).isFalse();
    }
}
