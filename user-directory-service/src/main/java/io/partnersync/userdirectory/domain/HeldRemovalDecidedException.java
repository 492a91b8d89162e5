package io.partnersync.userdirectory.domain;

/** A held-removal batch can be decided once, while it is pending. */
public class HeldRemovalDecidedException extends RuntimeException {

    private final transient HeldRemoval heldRemoval;

    public HeldRemovalDecidedException(HeldRemoval heldRemoval) {
        super("Held removal " + heldRemoval.id + " is " + heldRemoval.status + ", not PENDING");
        this.heldRemoval = heldRemoval;
    }

    public HeldRemoval heldRemoval() {
        return heldRemoval;
    }
}
