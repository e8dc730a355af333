package io.pgrecord.internal.model;

import io.pgrecord.Errors;

/**
 * Jakarta Bean Validation, when both the API and a provider are on the classpath; otherwise
 * nothing. Looked up once.
 */
final class BeanValidation {

    private static final Object VALIDATOR = lookup();

    private BeanValidation() {
    }

    private static Object lookup() {
        try {
            Class.forName("jakarta.validation.Validation");
            return JakartaValidator.create();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        } catch (RuntimeException e) {
            return null;   // API present, no provider
        }
    }

    static void validate(Object model, Errors errors) {
        if (VALIDATOR != null) {
            JakartaValidator.validate(VALIDATOR, model, errors);
        }
    }

    /** Kept apart so the jakarta classes load only when present. */
    private static final class JakartaValidator {
        static Object create() {
            return jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
        }

        static void validate(Object validator, Object model, Errors errors) {
            for (var v : ((jakarta.validation.Validator) validator).validate(model)) {
                errors.add(v.getPropertyPath().toString(), v.getMessage());
            }
        }
    }
}
