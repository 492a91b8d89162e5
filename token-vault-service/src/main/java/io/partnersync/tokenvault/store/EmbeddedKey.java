package io.partnersync.tokenvault.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

/** The embedded store's AES key: from configuration, or from a key file made on first start. */
public final class EmbeddedKey {

    private static final Logger LOG = Logger.getLogger(EmbeddedKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private EmbeddedKey() {
    }

    public static byte[] load(Optional<String> configuredKey, Path keyFile) {
        if (configuredKey.isPresent()) {
            return decode(configuredKey.get(), "partnersync.token-store.embedded.key");
        }
        try {
            if (Files.notExists(keyFile)) {
                create(keyFile);
            }
            refuseIfOthersCanRead(keyFile);
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), keyFile.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the embedded store's key file " + keyFile + ": " + e, e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path directory = keyFile.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        try {
            // Created with owner-only permissions: the key is never readable by others, not even briefly.
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
            return;
        }
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        LOG.infof("Created the embedded token store's key file %s (owner read/write only)", keyFile);
    }

    private static void refuseIfOthersCanRead(Path keyFile) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException("The embedded store's key file " + keyFile + " is accessible to others ("
                    + PosixFilePermissions.toString(permissions) + "); make it owner-only: chmod 600 " + keyFile);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64");
        }
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalStateException(source + " must hold " + AesGcm.KEY_BYTES + " bytes (AES-256), not "
                    + key.length);
        }
        return key;
    }
}
