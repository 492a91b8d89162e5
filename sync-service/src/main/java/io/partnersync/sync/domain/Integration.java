package io.partnersync.sync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnersync.events.IntegrationConnected;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** sync-service's projection of a partner-service integration: what discovery needs, never a token. */
@Entity
@Table(name = "integration")
public class Integration extends PanacheEntityBase {

    @Id
    public UUID id;
    public String workspaceId;
    public String name;
    public String customerBusinessId;
    public String tokenRef;
    public boolean active;
    public String inactiveReason;
    public String connectedBy;
    public Instant lastEventAt;
    public Instant updatedAt;

    public static Optional<Integration> findInWorkspace(UUID id, String workspaceId) {
        return find("id = ?1 and workspaceId = ?2", id, workspaceId).firstResultOptional();
    }

    public static List<Integration> active() {
        return list("active = true order by workspaceId, id");
    }

    /** Applies the event unless a newer one was applied already; answers whether it did. */
    public static boolean applyConnected(IntegrationConnected event, Instant now) {
        Integration integration = findById(event.integrationId());
        if (integration == null) {
            integration = new Integration();
            integration.id = event.integrationId();
            integration.workspaceId = event.workspaceId();
        } else if (!integration.workspaceId.equals(event.workspaceId())
                || integration.lastEventAt.isAfter(event.occurredAt())) {
            return false;
        }
        integration.name = event.integrationName();
        integration.customerBusinessId = event.metaBusinessId();
        integration.tokenRef = event.tokenRef();
        integration.connectedBy = event.connectedBy();
        integration.active = true;
        integration.inactiveReason = null;
        integration.lastEventAt = event.occurredAt();
        integration.updatedAt = now;
        integration.persist();
        return true;
    }

    public boolean canSync() {
        return active && tokenRef != null;
    }

    /** Meta or token-vault-service refused its token: no sync until it is connected again. */
    public void deactivate(String reason, Instant now) {
        active = false;
        inactiveReason = reason;
        updatedAt = now;
    }
}
