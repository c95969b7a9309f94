package org.pmlp;

/**
 * A mistake in what the user gave us (a file, a flag, a configuration). The CLI prints the
 * message alone, without a stack trace, and exits with code 2.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
