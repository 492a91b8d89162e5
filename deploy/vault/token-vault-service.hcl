# Least privilege for token-vault-service: its KV v2 mount only, and only what it does there.
# Secrets live at partnersync-tokens/<workspace>/<integration|partner>/<owner id>.
# (setup.sh rewrites "partnersync-tokens" when another mount is used.)

# Write a new version (create/update, with check-and-set) and read a version.
path "partnersync-tokens/data/*" {
  capabilities = ["create", "read", "update"]
}

# Read the versions of an owner's secret (for check-and-set and destroy), and delete the
# metadata, which removes every version for good, when the owner's last token is destroyed.
path "partnersync-tokens/metadata/*" {
  capabilities = ["read", "delete"]
}

# Destroy old versions for good (rotation, disconnection).
path "partnersync-tokens/destroy/*" {
  capabilities = ["update"]
}

# Nothing else: no list (it never enumerates), no soft delete or undelete, no other mount.
# Renewing and looking up its own token come with Vault's "default" policy.
