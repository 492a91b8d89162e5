package io.partnersync.tokenvault.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnersync.tokenvault.config.TokenStoreConfig.Kind;

class ProdProfileGuardTest {

    @Test
    void theProdProfileRefusesTheEmbeddedStore() {
        assertThatThrownBy(() -> TokenStores.refuseEmbeddedInProd(List.of("prod"), Kind.EMBEDDED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partnersync.token-store.kind=vault");
        assertThatThrownBy(() -> TokenStores.refuseEmbeddedInProd(List.of("kubernetes", "prod"), Kind.EMBEDDED))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theProdProfileAcceptsVaultAndOtherProfilesAcceptEither() {
        assertThatCode(() -> TokenStores.refuseEmbeddedInProd(List.of("prod"), Kind.VAULT)).doesNotThrowAnyException();
        assertThatCode(() -> TokenStores.refuseEmbeddedInProd(List.of("dev"), Kind.EMBEDDED)).doesNotThrowAnyException();
        assertThatCode(() -> TokenStores.refuseEmbeddedInProd(List.of("test"), Kind.EMBEDDED)).doesNotThrowAnyException();
    }
}
