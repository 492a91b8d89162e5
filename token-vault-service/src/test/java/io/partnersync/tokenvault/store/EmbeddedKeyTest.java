package io.partnersync.tokenvault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKeyTest {

    @TempDir
    Path directory;

    @Test
    void aMissingKeyFileIsCreatedOwnerOnlyAndReusedAfterwards() throws IOException {
        Path keyFile = directory.resolve("nested/embedded-store.key");

        byte[] created = EmbeddedKey.load(Optional.empty(), keyFile);
        byte[] reloaded = EmbeddedKey.load(Optional.empty(), keyFile);

        assertThat(created).hasSize(32);
        assertThat(reloaded).isEqualTo(created);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyWinsOverTheKeyFile() {
        byte[] key = new byte[32];
        key[0] = 7;

        assertThat(EmbeddedKey.load(Optional.of(Base64.getEncoder().encodeToString(key)), directory.resolve("unused")))
                .isEqualTo(key);
        assertThat(directory.resolve("unused")).doesNotExist();
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws IOException {
        Path keyFile = directory.resolve("open.key");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> EmbeddedKey.load(Optional.empty(), keyFile))
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> EmbeddedKey.load(Optional.of(Base64.getEncoder().encodeToString(new byte[16])),
                directory.resolve("unused"))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> EmbeddedKey.load(Optional.of("not base64!"), directory.resolve("unused")))
                .hasMessageContaining("not base64");
    }
}
