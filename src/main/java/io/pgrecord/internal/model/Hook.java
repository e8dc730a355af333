package io.pgrecord.internal.model;

/** The lifecycle hooks a model may override. */
public enum Hook {
    BEFORE_SAVE("beforeSave"), AFTER_SAVE("afterSave"), BEFORE_INSERT("beforeInsert"), AFTER_INSERT("afterInsert"),
    BEFORE_UPDATE("beforeUpdate"), AFTER_UPDATE("afterUpdate"), BEFORE_DELETE("beforeDelete"),
    AFTER_DELETE("afterDelete"), AFTER_LOAD("afterLoad");

    private final String methodName;

    Hook(String methodName) {
        this.methodName = methodName;
    }

    /** The name of the {@code io.pgrecord.Model} method that implements it. */
    public String methodName() {
        return methodName;
    }
}
