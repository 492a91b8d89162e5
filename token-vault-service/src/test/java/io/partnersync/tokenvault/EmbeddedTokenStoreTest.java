package io.partnersync.tokenvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnersync.simulator.data.DemoData;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.tokenvault.store.EncryptedSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The embedded store as the service runs it: encrypted rows in its own PostgreSQL. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class EmbeddedTokenStoreTest {

    @Test
    void theSameTokenIsStoredUnderDifferentCiphertextsAndReadsBack() {
        String workspace = Calls.workspace();
        String first = Calls.storePartner(UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
        String second = Calls.storePartner(UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);

        List<EncryptedSecret> rows = QuarkusTransaction.requiringNew()
                .call(() -> EncryptedSecret.<EncryptedSecret>list("workspaceId = ?1 order by createdAt", workspace));

        assertThat(rows).extracting(row -> row.tokenRef).containsExactlyInAnyOrder(first, second);
        assertThat(rows.get(0).nonce).hasSize(12).isNotEqualTo(rows.get(1).nonce);
        assertThat(rows.get(0).ciphertext).isNotEqualTo(rows.get(1).ciphertext);
        Calls.secret(first).then().statusCode(200).body("token", equalTo(DemoData.BRIGHTLINE_TOKEN));
        Calls.secret(second).then().statusCode(200).body("token", equalTo(DemoData.BRIGHTLINE_TOKEN));
    }

    @Test
    void aRetiredTokensRowIsDeleted() {
        UUID partner = UUID.randomUUID();
        String workspace = Calls.workspace();
        String first = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
        String second = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_ROTATED_TOKEN);

        assertThat(secretRefs(workspace)).containsExactly(second);
        Calls.delete(second).then().statusCode(204);
        assertThat(secretRefs(workspace)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> io.partnersync.tokenvault.domain.StoredToken
                .count("workspaceId = ?1 and secretPurgedAt is not null", workspace))).isEqualTo(2);
        Calls.details(first).then().body("status", equalTo("ROTATED"));
    }

    private static List<String> secretRefs(String workspace) {
        return QuarkusTransaction.requiringNew().call(() -> EncryptedSecret.<EncryptedSecret>list("workspaceId", workspace)
                .stream().map(row -> row.tokenRef).toList());
    }
}
