package io.pgrecord.models;

import io.pgrecord.EnumLabel;
import io.pgrecord.PgEnum;

/** A PostgreSQL enum with a label that needs quoting. */
@PgEnum("mood")
public enum SchemaMood {
    SAD,
    OK,
    @EnumLabel("it's great") GREAT
}
