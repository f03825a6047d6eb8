package org.jianfu.seal;

/** Seals cannot be made or used here now (no authority password, or a wrong one): said to the person in their language. */
public class SealUnavailableException extends RuntimeException {

    private final String messageKey;

    SealUnavailableException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
