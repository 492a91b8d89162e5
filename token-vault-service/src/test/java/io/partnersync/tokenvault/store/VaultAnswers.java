package io.partnersync.tokenvault.store;

import java.util.UUID;

/**
 * Vault's KV v2 answers for {@link RecordedVault}, as its API documents them and a Vault 1.x
 * server sends them.
 */
public final class VaultAnswers {

    public static final String NOT_FOUND = "{\"errors\":[]}";
    public static final String PERMISSION_DENIED = "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}";
    public static final String CAS_MISMATCH = "{\"errors\":[\"check-and-set parameter did not match the current version\"]}";
    public static final String DESTROYED_VERSION = envelope("{\"data\":null,\"metadata\":{\"created_time\":"
            + "\"2026-11-20T09:14:03.512901Z\",\"custom_metadata\":null,\"deletion_time\":\"\",\"destroyed\":true,\"version\":1}}");

    private VaultAnswers() {
    }

    /** The answer to a write ({@code POST <mount>/data/<path>}). */
    public static String written(int version) {
        return envelope("{\"created_time\":\"2026-11-20T09:14:03.512901Z\",\"custom_metadata\":null,\"deletion_time\":\"\","
                + "\"destroyed\":false,\"version\":" + version + "}");
    }

    /** The answer to a read of one version ({@code GET <mount>/data/<path>?version=n}). */
    public static String read(String token, String tokenRef, int version) {
        return envelope("{\"data\":{\"token\":\"" + token + "\",\"token_ref\":\"" + tokenRef + "\"},\"metadata\":{"
                + "\"created_time\":\"2026-11-20T09:14:03.512901Z\",\"custom_metadata\":null,\"deletion_time\":\"\","
                + "\"destroyed\":false,\"version\":" + version + "}}");
    }

    /** The answer to {@code GET <mount>/metadata/<path>}; {@code versions} is the inside of its map, see {@link #version}. */
    public static String metadata(int currentVersion, String versions) {
        return envelope("{\"cas_required\":false,\"created_time\":\"2026-11-20T09:14:03.512901Z\",\"current_version\":"
                + currentVersion + ",\"custom_metadata\":null,\"delete_version_after\":\"0s\",\"max_versions\":0,"
                + "\"oldest_version\":0,\"updated_time\":\"2026-11-21T10:02:44.104577Z\",\"versions\":{" + versions + "}}");
    }

    /** One entry of the metadata's versions map. */
    public static String version(boolean destroyed) {
        return "{\"created_time\":\"2026-11-20T09:14:03.512901Z\",\"deletion_time\":\"\",\"destroyed\":" + destroyed + "}";
    }

    private static String envelope(String data) {
        return "{\"request_id\":\"" + UUID.randomUUID() + "\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                + "\"data\":" + data + ",\"wrap_info\":null,\"warnings\":null,\"auth\":null,\"mount_type\":\"kv\"}";
    }
}
