package org.jianfu.platform;

/**
 * Input that breaks a business rule. Carries a message key (and the form field it belongs to, if any)
 * so the page can show the reason next to the field in the user's language. Nothing has been written
 * when it is thrown.
 */
public class RuleViolation extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public RuleViolation(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** The form field the message belongs next to, or null for the form as a whole. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }

    /** Puts this violation on a Spring binding result, next to its field when it has one. */
    public void addTo(org.springframework.validation.Errors errors) {
        if (field == null) {
            errors.reject(messageKey, arguments, messageKey);
        }
        else {
            errors.rejectValue(field, messageKey, arguments, messageKey);
        }
    }
}
