package org.reprobench.harness;

/** The user asked for something that does not exist or cannot be read; the message says what to do. */
public class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInput(String message) {
        super(message);
    }

    public BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
