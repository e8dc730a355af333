package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Errors;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Transient;
import java.util.ArrayList;
import java.util.List;

/** A model with hooks and validation, recording what ran. */
@Table("accounts")
public class Account extends ActiveRecord<Account> {
    public static final Finder<Account> find = finder(Account.class);
    @Id public Long id;
    public String owner;
    public Integer balance;
    @Transient public final List<String> calls = new ArrayList<>();
    @Transient public String failIn;
    /** What the failing hook throws instead of its IllegalStateException: any Throwable, a checked one too (thrown undeclared). */
    @Transient public Throwable failWith;

    @Override
    protected void validate(Errors errors) {
        if (owner == null || owner.isBlank()) {
            errors.add("owner", "must not be blank");
        }
        if (balance != null && balance < 0) {
            errors.add("balance", "must not be negative");
        }
    }

    private void hook(String name) {
        calls.add(name);
        if (name.equals(failIn)) {
            if (failWith != null) {
                throw Account.<RuntimeException>undeclared(failWith);
            }
            throw new IllegalStateException("hook " + name + " refused");
        }
    }

    /** Throws {@code t} whatever it is, as Lombok's @SneakyThrows or Kotlin code would. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> E undeclared(Throwable t) throws E {
        throw (E) t;
    }

    @Override protected void beforeSave() { hook("beforeSave"); }
    @Override protected void afterSave() { hook("afterSave"); }
    @Override protected void beforeInsert() { hook("beforeInsert"); }
    @Override protected void afterInsert() { hook("afterInsert"); }
    @Override protected void beforeUpdate() { hook("beforeUpdate"); }
    @Override protected void afterUpdate() { hook("afterUpdate"); }
    @Override protected void beforeDelete() { hook("beforeDelete"); }
    @Override protected void afterDelete() { hook("afterDelete"); }
    @Override protected void afterLoad() { hook("afterLoad"); }
}
