package io.partnersync.sync.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class GraphQueryTest {

    private static final String NEXT = "https://graph.facebook.com/v25.0/2187465309128374/business_users"
            + "?access_token=EAAsecret&appsecret_proof=abc&fields=id%2Cname%2Cemail&limit=250&after=QVFIUmx";

    @Test
    void aNextLinkContinuesItsEdgeWithoutItsHostOrCredentials() {
        GraphQuery next = GraphQuery.next(NEXT, 500);

        assertThat(next.node()).isEqualTo("2187465309128374");
        assertThat(next.edge()).isEqualTo("business_users");
        assertThat(next.limit()).isEqualTo(250);
        assertThat(next.after()).isEqualTo("QVFIUmx");
        assertThat(next.query()).containsExactly(Map.entry("fields", "id,name,email"), Map.entry("limit", "250"),
                Map.entry("after", "QVFIUmx"));
        assertThat(next.relativeUrl("v25.0")).doesNotContain("EAAsecret").doesNotContain("appsecret_proof");
        assertThat(next.toString()).doesNotContain("QVFIUmx").doesNotContain("EAAsecret");
    }

    @Test
    void aRestartedListingStartsFromItsFirstPageWithTheCurrentLimit() {
        GraphQuery restarted = GraphQuery.next(NEXT, 500).withLimit(125).fromStart();

        assertThat(restarted.after()).isNull();
        assertThat(restarted.query()).containsEntry("limit", "125").doesNotContainKey("after");
    }

    @Test
    void anExpansionCarriesItsLimitsInsideFields() {
        GraphQuery expansion = GraphQuery.expansion("123", limit -> "id,business_users.limit(" + limit + "){id}", 500);

        assertThat(expansion.withLimit(250).query()).containsExactly(
                Map.entry("fields", "id,business_users.limit(250){id}"));
        assertThat(expansion.relativeUrl("v25.0"))
                .isEqualTo("v25.0/123?fields=id%2Cbusiness_users.limit%28500%29%7Bid%7D");
    }

    @Test
    void anEdgeCarriesItsOwnParameters() {
        GraphQuery assigned = GraphQuery.edge("act_1", "assigned_users", Map.of("business", "42"), "id,tasks", 500);

        assertThat(assigned.relativeUrl("v25.0"))
                .isEqualTo("v25.0/act_1/assigned_users?business=42&fields=id%2Ctasks&limit=500");
    }

    @Test
    void theAppsecretProofIsTheHexHmacOfTheTokenKeyedWithTheAppSecret() {
        // The same value the graph simulator computes for the demo app (AppsecretProof.of).
        String proof = GraphClient.appsecretProof("7c4a8d09ca3762af61e59520943dc264", "EAADemoBrightlinePartnerTokenZDb2d4");

        assertThat(proof).hasSize(64).matches("[0-9a-f]+").isEqualTo(io.partnersync.simulator.graph.AppsecretProof
                .of("7c4a8d09ca3762af61e59520943dc264", "EAADemoBrightlinePartnerTokenZDb2d4"));
    }
}
