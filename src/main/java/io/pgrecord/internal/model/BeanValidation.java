package io.pgrecord.internal.model;

import io.pgrecord.Errors;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/**
 * Jakarta Bean Validation, when both the API and a provider are on the classpath; otherwise
 * nothing. The validator is looked up once, and whether a model class has any constraint is
 * asked once per class: a provider's {@code validate} on a bean with none still builds a
 * validation context per call, which a save of an unconstrained model should not pay.
 */
final class BeanValidation {

    private static final Object VALIDATOR = lookup();

    private static final ClassValue<Boolean> CONSTRAINED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return JakartaValidator.isConstrained(VALIDATOR, type);
        }
    };

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
        if (VALIDATOR != null && CONSTRAINED.get(model.getClass())) {
            JakartaValidator.validate(VALIDATOR, model, errors);
        }
    }

    /** Kept apart so the jakarta classes load only when present. */
    private static final class JakartaValidator {
        static Object create() {
            return Validation.buildDefaultValidatorFactory().getValidator();
        }

        /** Constraints on the class, its properties or its cascaded ({@code @Valid}) properties. */
        static boolean isConstrained(Object validator, Class<?> type) {
            return ((Validator) validator).getConstraintsForClass(type).isBeanConstrained();
        }

        static void validate(Object validator, Object model, Errors errors) {
            for (var v : ((Validator) validator).validate(model)) {
                errors.add(v.getPropertyPath().toString(), v.getMessage());
            }
        }
    }
}
