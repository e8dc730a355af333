package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.Table;

/** The SQL log and metrics tests' model: a secret field, and a pin the backend lists as sensitive. */
@Table("log_probes")
public class LogProbe extends ActiveRecord<LogProbe> {
    public static final Finder<LogProbe> find = finder(LogProbe.class);
    /** Its table, created by the tests that use it; no other test touches it. */
    public static final String DDL = "CREATE TABLE IF NOT EXISTS log_probes (id bigserial PRIMARY KEY, "
            + "name text NOT NULL UNIQUE, secret text, pin text)";
    @Id public Long id;
    public String name;
    @Sensitive public String secret;
    public String pin;
}
