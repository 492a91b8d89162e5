package io.partnersync.partner.domain;

/** Where a Meta Business Partner stands with the customer; the label is what the app shows. */
public enum PartnerStatus {
    PENDING_ONBOARDING("Pending onboarding"),
    ONBOARDED("Onboarded"),
    RECONNECT_REQUIRED("Reconnect required"),
    DISCONNECTED("Disconnected"),
    ACCESS_REMOVED("Access removed");

    /** Every name, for Bean Validation patterns on query parameters (annotations need a constant). */
    public static final String NAMES = "PENDING_ONBOARDING|ONBOARDED|RECONNECT_REQUIRED|DISCONNECTED|ACCESS_REMOVED";

    private final String label;

    PartnerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
