package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.Table;

/** The model that the Javadoc of {@code @Sensitive} and of the transaction managers shows. */
@Table("accounts")
// @start region="sensitive"
public class Account extends ActiveRecord<Account> {
    public static final Finder<Account> find = finder(Account.class);
    @Id public Long id;
    public String login;
    @Sensitive public String passwordHash;    // Account{id=1, login=ann, passwordHash=***, balance=100}
    public Integer balance;
}
// @end
