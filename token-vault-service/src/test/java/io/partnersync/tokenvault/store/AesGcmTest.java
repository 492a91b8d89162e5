package io.partnersync.tokenvault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final String TOKEN = "EAADemoBrightlinePartnerTokenZDb2d4";

    @Test
    void theSameTokenEncryptsDifferentlyEveryTimeAndDecryptsBack() {
        AesGcm cipher = new AesGcm(randomKey());

        AesGcm.Sealed first = cipher.encrypt(TOKEN, "tok_1");
        AesGcm.Sealed second = cipher.encrypt(TOKEN, "tok_1");

        assertThat(first.nonce()).hasSize(AesGcm.NONCE_BYTES).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        assertThat(cipher.decrypt(first, "tok_1")).isEqualTo(TOKEN);
        assertThat(cipher.decrypt(second, "tok_1")).isEqualTo(TOKEN);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        AesGcm.Sealed sealed = new AesGcm(randomKey()).encrypt(TOKEN, "tok_1");

        assertThatThrownBy(() -> new AesGcm(randomKey()).decrypt(sealed, "tok_1"))
                .isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("cannot be decrypted")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aSecretMovedToAnotherReferenceDoesNotDecrypt() {
        AesGcm cipher = new AesGcm(randomKey());
        AesGcm.Sealed sealed = cipher.encrypt(TOKEN, "tok_1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "tok_2")).isInstanceOf(TokenStoreException.class);
    }

    @Test
    void aKeyMustBe256Bits() {
        assertThatThrownBy(() -> new AesGcm(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
