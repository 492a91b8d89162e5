package io.partnersync.sync.domain;

import java.util.UUID;

/** Why a sync cannot be started or a task not found; the API turns each into a problem answer. */
public abstract sealed class SyncRefused extends RuntimeException {

    protected SyncRefused(String message) {
        super(message);
    }

    public static final class UnknownIntegration extends SyncRefused {
        public UnknownIntegration(UUID integrationId) {
            super("No integration " + integrationId + " in this workspace.");
        }
    }

    public static final class IntegrationCannotSync extends SyncRefused {
        public IntegrationCannotSync(Integration integration) {
            super("Integration " + integration.id + " cannot sync: " + (integration.tokenRef == null
                    ? "it has no token; connect it again."
                    : integration.inactiveReason != null ? integration.inactiveReason : "it is not active."));
        }
    }

    public static final class PartnerNotConnected extends SyncRefused {
        public PartnerNotConnected(UUID partnerId) {
            super("Partner " + partnerId + " is not connected to this integration; connect it with a token first.");
        }
    }

    public static final class TaskNotFound extends SyncRefused {
        public TaskNotFound(UUID taskId) {
            super("No automation task " + taskId + " in this workspace.");
        }
    }
}
