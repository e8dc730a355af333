package io.pgrecord.testing;

/** The two execution paths every scenario runs on. */
public enum Exec {
    JDBC,
    R2DBC
}
