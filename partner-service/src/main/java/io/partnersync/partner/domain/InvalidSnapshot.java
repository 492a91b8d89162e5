package io.partnersync.partner.domain;

/** A discovery snapshot that cannot be applied as a whole; its event goes to the dead-letter topic. */
public class InvalidSnapshot extends RuntimeException {

    public InvalidSnapshot(String message) {
        super(message);
    }
}
