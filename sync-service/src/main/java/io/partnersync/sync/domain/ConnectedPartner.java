package io.partnersync.sync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnersync.events.PartnerConnected;
import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.Relationship;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * sync-service's projection of a partner: connected (onboarded, with a token reference) or not.
 * Connect and disconnect arrive on two topics, so an older event may arrive after a newer one:
 * each row remembers the time of the newest event applied and ignores older ones.
 */
@Entity
@Table(name = "connected_partner")
public class ConnectedPartner extends PanacheEntityBase {

    @Id
    public UUID id;
    public String workspaceId;
    public UUID integrationId;
    public String businessId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Relationship relationship;
    public String tokenRef;
    public boolean connected;
    public String connectedBy;
    public Instant lastEventAt;
    public Instant updatedAt;

    public static Optional<ConnectedPartner> findInIntegration(UUID id, UUID integrationId, String workspaceId) {
        return find("id = ?1 and integrationId = ?2 and workspaceId = ?3", id, integrationId, workspaceId)
                .firstResultOptional();
    }

    public static List<ConnectedPartner> connectedOf(UUID integrationId, String workspaceId) {
        return list("integrationId = ?1 and workspaceId = ?2 and connected = true order by businessId",
                integrationId, workspaceId);
    }

    public static boolean applyConnected(PartnerConnected event, Instant now) {
        ConnectedPartner partner = current(event.partnerId(), event.workspaceId(), event.occurredAt());
        if (partner == null) {
            return false;
        }
        partner.integrationId = event.integrationId();
        partner.businessId = event.partnerBusinessId();
        partner.name = event.partnerName();
        partner.relationship = event.relationship();
        partner.tokenRef = event.tokenRef();
        partner.connectedBy = event.connectedBy();
        partner.connected = true;
        partner.lastEventAt = event.occurredAt();
        partner.updatedAt = now;
        partner.persist();
        return true;
    }

    public static boolean applyDisconnected(PartnerDisconnected event, Instant now) {
        ConnectedPartner partner = current(event.partnerId(), event.workspaceId(), event.occurredAt());
        if (partner == null) {
            return false;
        }
        partner.integrationId = event.integrationId();
        partner.businessId = event.partnerBusinessId();
        partner.tokenRef = null;
        partner.connected = false;
        partner.lastEventAt = event.occurredAt();
        partner.updatedAt = now;
        partner.persist();
        return true;
    }

    public boolean canSync() {
        return connected && tokenRef != null;
    }

    /** The row to change, new if unknown; null when a newer event was applied already. */
    private static ConnectedPartner current(UUID id, String workspaceId, Instant occurredAt) {
        ConnectedPartner partner = findById(id);
        if (partner == null) {
            partner = new ConnectedPartner();
            partner.id = id;
            partner.workspaceId = workspaceId;
            return partner;
        }
        boolean newer = !partner.lastEventAt.isAfter(occurredAt);
        return newer && partner.workspaceId.equals(workspaceId) ? partner : null;
    }
}
