package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A model validated by Jakarta Bean Validation annotations. */
@Table("signups")
public class AsyncSignup extends AsyncActiveRecord<AsyncSignup> {
    public static final AsyncFinder<AsyncSignup> find = finder(AsyncSignup.class);
    @Id public Long id;
    @NotBlank public String name;
    @Email public String email;
    @Size(max = 5) public String code;
}
