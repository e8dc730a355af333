package io.pgrecord.internal.model;

/** The lifecycle hooks a model may override. */
public enum Hook {
    BEFORE_SAVE, AFTER_SAVE, BEFORE_INSERT, AFTER_INSERT, BEFORE_UPDATE, AFTER_UPDATE,
    BEFORE_DELETE, AFTER_DELETE, AFTER_LOAD
}
