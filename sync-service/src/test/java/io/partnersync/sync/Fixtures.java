package io.partnersync.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnersync.events.Relationship;
import io.partnersync.events.SyncTrigger;
import io.partnersync.sync.domain.ConnectedPartner;
import io.partnersync.sync.domain.Integration;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;

/**
 * Database set-up and inspection for tests. Projection rows are written here directly where a
 * test is about syncing, not about the events that build the projection (ProjectionTest is).
 */
@ApplicationScoped
public class Fixtures {

    private final EntityManager entityManager;

    Fixtures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void clean() {
        entityManager.createNativeQuery("truncate sync_job, sync_task, integration, connected_partner, "
                + "sync_staged_access, sync_seen_person, sync_schedule_run").executeUpdate();
    }

    /** An active integration whose token reference token-vault answers with {@code token}. */
    @Transactional
    public UUID integration(String workspaceId, String customerBusinessId, String token) {
        Integration integration = new Integration();
        integration.id = UUID.randomUUID();
        integration.workspaceId = workspaceId;
        integration.name = "Integration of " + customerBusinessId;
        integration.customerBusinessId = customerBusinessId;
        integration.tokenRef = TokenVaultStub.register("tok_" + UUID.randomUUID(), token);
        integration.active = true;
        integration.connectedBy = "admin@" + workspaceId;
        integration.lastEventAt = Instant.now();
        integration.updatedAt = Instant.now();
        integration.persist();
        return integration.id;
    }

    /** A connected partner whose token reference token-vault answers with {@code token}. */
    @Transactional
    public UUID partner(String workspaceId, UUID integrationId, String businessId, String name, String token) {
        ConnectedPartner partner = new ConnectedPartner();
        partner.id = UUID.randomUUID();
        partner.workspaceId = workspaceId;
        partner.integrationId = integrationId;
        partner.businessId = businessId;
        partner.name = name;
        partner.relationship = Relationship.AGENCY;
        partner.tokenRef = TokenVaultStub.register("tok_" + UUID.randomUUID(), token);
        partner.connected = true;
        partner.lastEventAt = Instant.now();
        partner.updatedAt = Instant.now();
        partner.persist();
        return partner.id;
    }

    /** A finished or waiting task written directly, for tests of listing and lifecycle rules. */
    @Transactional
    public UUID storedTask(String workspaceId, UUID integrationId, TaskStatus status, SyncTrigger trigger,
            Instant createdAt) {
        SyncTask task = SyncTask.queue(workspaceId, integrationId, null, trigger, "someone", createdAt);
        task.status = status;
        if (!status.isActive()) {
            task.finishedAt = createdAt;
        }
        task.persist();
        return task.id;
    }

    @Transactional
    public void deactivate(UUID integrationId, String reason) {
        Integration.<Integration>findById(integrationId).deactivate(reason, Instant.now());
    }

    @Transactional
    public void disconnect(UUID partnerId) {
        ConnectedPartner partner = ConnectedPartner.findById(partnerId);
        partner.connected = false;
        partner.tokenRef = null;
    }

    @Transactional
    public String tokenRefOfPartner(UUID partnerId) {
        return ConnectedPartner.<ConnectedPartner>findById(partnerId).tokenRef;
    }

    @Transactional
    public Integration integration(UUID id) {
        return Integration.findById(id);
    }

    @Transactional
    public ConnectedPartner partner(UUID id) {
        return ConnectedPartner.findById(id);
    }

    @Transactional
    public SyncTask task(UUID id) {
        return SyncTask.findById(id);
    }

    @Transactional
    public List<SyncTask> tasks(String workspaceId) {
        return SyncTask.list("workspaceId = ?1 order by createdAt", workspaceId);
    }

    @Transactional
    public List<SyncJob> jobs(UUID taskId) {
        return SyncJob.list("taskId = ?1 order by startedAt, id", taskId);
    }

    @Transactional
    public int execute(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    @Transactional
    public long count(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
