package io.partnersync.sync;

import static io.partnersync.simulator.data.DemoData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnersync.events.IntegrationConnected;
import io.partnersync.events.PartnerConnected;
import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.Relationship;
import io.partnersync.events.SyncTrigger;
import io.partnersync.events.Topics;
import io.partnersync.sync.domain.ConnectedPartner;
import io.partnersync.sync.domain.Integration;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** partner-service's events build sync-service's projection, idempotently, and start the syncs they call for. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class ProjectionTest extends SyncTestBase {

    @Test
    void aConnectedIntegrationIsProjectedAndGetsItsFirstSyncOnce() {
        UUID integrationId = UUID.randomUUID();
        IntegrationConnected connected = new IntegrationConnected(UUID.randomUUID(), Instant.now(), workspace,
                integrationId, "Acme Retail", ACME_RETAIL, TokenVaultStub.register("tok_" + integrationId, ACME_TOKEN),
                "olivia@acme.example");

        EventLog.publish(Topics.INTEGRATION_CONNECTED, connected);
        EventLog.publish(Topics.INTEGRATION_CONNECTED, connected);

        await().atMost(PATIENCE).until(() -> fixtures.tasks(workspace).size() == 1);
        Integration projected = fixtures.integration(integrationId);
        assertThat(projected.workspaceId).isEqualTo(workspace);
        assertThat(projected.customerBusinessId).isEqualTo(ACME_RETAIL);
        assertThat(projected.tokenRef).isEqualTo("tok_" + integrationId);
        assertThat(projected.active).isTrue();
        SyncTask first = fixtures.tasks(workspace).get(0);
        assertThat(first.trigger).isEqualTo(SyncTrigger.INTEGRATION_CONNECTED);
        assertThat(first.actor).isEqualTo("olivia@acme.example");
        assertThat(first.partnerId).isNull();
        awaitTask(first.id, TaskStatus.COMPLETED);
        assertThat(discoveries(first.id, 1)).hasSize(1);
        assertThat(fixtures.count("select count(*) from processed_event where event_id = ?1", connected.eventId()))
                .as("the redelivery was recognised").isEqualTo(1);
        assertThat(fixtures.tasks(workspace)).as("the redelivery started nothing").hasSize(1);
    }

    @Test
    void aConnectedPartnerGetsASyncOfItsOwn() {
        UUID integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        UUID partnerId = UUID.randomUUID();

        EventLog.publish(Topics.PARTNER_CONNECTED, partnerConnected(integrationId, partnerId, Instant.now()));

        await().atMost(PATIENCE).until(() -> fixtures.tasks(workspace).size() == 1);
        SyncTask task = fixtures.tasks(workspace).get(0);
        assertThat(task.trigger).isEqualTo(SyncTrigger.PARTNER_CONNECTED);
        assertThat(task.partnerId).isEqualTo(partnerId);
        assertThat(task.actor).isEqualTo("dana@brightline.example");
        ConnectedPartner partner = fixtures.partner(partnerId);
        assertThat(partner.connected).isTrue();
        assertThat(partner.businessId).isEqualTo(BRIGHTLINE_MEDIA);
        assertThat(partner.relationship).isEqualTo(Relationship.AGENCY);
        SyncJob job = awaitJobsRead(task.id, 1).get(0);
        assertThat(people(job.id)).hasSize(8);
        directoryApplied(job);
        awaitTask(task.id, TaskStatus.COMPLETED);
    }

    @Test
    void aDisconnectedPartnerIsNoLongerSyncedAndAnOlderConnectArrivingLateChangesNothing() {
        UUID integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        UUID partnerId = UUID.randomUUID();
        Instant connectedAt = Instant.now().minus(1, ChronoUnit.MINUTES);
        PartnerDisconnected disconnected = new PartnerDisconnected(UUID.randomUUID(), Instant.now(), workspace,
                integrationId, partnerId, BRIGHTLINE_MEDIA, "tok_brightline", "olivia@acme.example", "no longer our agency");

        EventLog.publish(Topics.PARTNER_DISCONNECTED, disconnected);
        await().atMost(PATIENCE).until(() -> fixtures.partner(partnerId) != null);
        PartnerConnected stale = partnerConnected(integrationId, partnerId, connectedAt);
        EventLog.publish(Topics.PARTNER_CONNECTED, stale);
        await().atMost(PATIENCE).until(() -> processed(stale.eventId()));

        ConnectedPartner partner = fixtures.partner(partnerId);
        assertThat(partner.connected).isFalse();
        assertThat(partner.tokenRef).isNull();
        assertThat(fixtures.tasks(workspace)).as("the stale connect started no sync").isEmpty();
        startSync(integrationId, partnerId).then().statusCode(409);
    }

    @Test
    void aPartnerConnectedAgainAfterADisconnectIsSyncedAgain() {
        UUID integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        UUID partnerId = UUID.randomUUID();
        Instant start = Instant.now().minus(2, ChronoUnit.MINUTES);
        EventLog.publish(Topics.PARTNER_DISCONNECTED, new PartnerDisconnected(UUID.randomUUID(), start, workspace,
                integrationId, partnerId, BRIGHTLINE_MEDIA, "tok_old", "olivia@acme.example", "paused"));
        await().atMost(PATIENCE).until(() -> fixtures.partner(partnerId) != null);

        EventLog.publish(Topics.PARTNER_CONNECTED, partnerConnected(integrationId, partnerId, Instant.now()));

        await().atMost(PATIENCE).until(() -> fixtures.partner(partnerId).connected);
        await().atMost(PATIENCE).until(() -> fixtures.tasks(workspace).size() == 1);
        List<SyncJob> jobs = awaitJobsRead(fixtures.tasks(workspace).get(0).id, 1);
        directoryApplied(jobs.get(0));
        awaitTask(jobs.get(0).taskId, TaskStatus.COMPLETED);
    }

    private PartnerConnected partnerConnected(UUID integrationId, UUID partnerId, Instant at) {
        return new PartnerConnected(UUID.randomUUID(), at, workspace, integrationId, partnerId, BRIGHTLINE_MEDIA,
                "Brightline Media", Relationship.AGENCY, TokenVaultStub.register("tok_" + partnerId, BRIGHTLINE_TOKEN),
                "dana@brightline.example");
    }

    private boolean processed(UUID eventId) {
        return fixtures.count("select count(*) from processed_event where event_id = ?1", eventId) == 1;
    }
}
