package io.pgrecord.springapp;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Id;

/** A model only AutoConfigurationTest configures, so its contexts leave the other tests' models alone. */
public class Probe extends ActiveRecord<Probe> {
    @Id public Long id;
}
