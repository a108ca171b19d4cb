package io.backstory.platform.text;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Bean-validation form of {@link TextLimit}: one rule for every text a person types, on the API and the pages. */
@Documented
@Constraint(validatedBy = MemberText.Validator.class)
@Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface MemberText {

    /** Visible characters required; 0 for an optional field. */
    int min() default 1;

    int max();

    /** Titles, names and handles are one line: tab and line breaks are refused there. */
    boolean multiLine() default true;

    /** Shown when a required field is empty or invisible. */
    String required() default "is required";

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MemberText, String> {

        private TextLimit limit;

        @Override
        public void initialize(MemberText annotation) {
            limit = new TextLimit(annotation.min(), annotation.max(), annotation.multiLine(), annotation.required());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return limit.problem(value).map(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
                return false;
            }).orElse(true);
        }

        /** The message is literal text, not an expression-language template. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
