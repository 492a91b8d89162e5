package io.partnersync.partner.domain;

import java.util.UUID;
import java.util.stream.Collectors;

/** A move the partner's current status does not allow; the API answers 409 naming the status. */
public class IllegalPartnerMove extends RuntimeException {

    private final UUID partnerId;
    private final PartnerStatus status;
    private final PartnerMove move;

    public IllegalPartnerMove(UUID partnerId, PartnerStatus status, PartnerMove move) {
        super("Partner " + partnerId + " is " + status + "; " + describe(move) + " needs one of "
                + move.allowedFrom().stream().map(Enum::name).collect(Collectors.joining(", ")) + ".");
        this.partnerId = partnerId;
        this.status = status;
        this.move = move;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public PartnerStatus status() {
        return status;
    }

    public PartnerMove move() {
        return move;
    }

    private static String describe(PartnerMove move) {
        return switch (move) {
            case CONNECT -> "connecting it";
            case DISCONNECT -> "disconnecting it";
            case REJECT_TOKEN -> "a token rejection";
            case REMOVE_ACCESS -> "removing its access";
            case SHARE_AGAIN -> "sharing with it again";
        };
    }
}
