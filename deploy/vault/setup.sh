#!/bin/sh
# Prepares a Vault for token-vault-service: the KV v2 mount, the least-privilege policy, and
# how the service logs in. Idempotent: run it again after changing a setting. POSIX sh, so it
# also runs inside the hashicorp/vault image (docker-compose's vault-setup).
#
#   deploy/vault/setup.sh kubernetes   # production: the pod's service account logs in
#   deploy/vault/setup.sh approle      # outside Kubernetes: role id + secret id
#   deploy/vault/setup.sh token        # local runs against a real Vault: a periodic token
#   deploy/vault/setup.sh dev          # Vault dev mode (docker-compose): a token with a fixed id
#
# Needs the vault CLI, VAULT_ADDR, and a VAULT_TOKEN that may manage mounts, policies and
# auth methods. Settings (environment):
#   PARTNERSYNC_VAULT_MOUNT   KV v2 mount                             (partnersync-tokens)
#   K8S_NAMESPACE             namespace of the service account        (partnersync)
#   K8S_SERVICE_ACCOUNT       the service account                     (token-vault-service)
#   K8S_HOST                  API server Vault asks to review JWTs    (https://kubernetes.default.svc)
#   VAULT_DEV_SERVICE_TOKEN   the token id made by "dev"              (token-vault-dev-token)
set -eu

MODE=${1:-}
MOUNT=${PARTNERSYNC_VAULT_MOUNT:-partnersync-tokens}
ROLE=token-vault-service
POLICY=token-vault-service
HERE=$(cd "$(dirname "$0")" && pwd)

case "$MODE" in
  kubernetes|approle|token|dev) ;;
  *) echo "usage: $0 kubernetes|approle|token|dev" >&2; exit 2 ;;
esac
: "${VAULT_ADDR:?set VAULT_ADDR}"

echo "== KV v2 secrets engine at ${MOUNT}/"
if vault secrets list -format=json | grep -q "\"${MOUNT}/\""; then
  echo "   already enabled"
else
  vault secrets enable -path="${MOUNT}" -version=2 kv
fi

echo "== policy ${POLICY}"
sed "s#partnersync-tokens/#${MOUNT}/#g" "${HERE}/token-vault-service.hcl" | vault policy write "${POLICY}" -

enable_auth() {
  if vault auth list -format=json | grep -q "\"$1/\""; then
    echo "   auth method $1 already enabled"
  else
    vault auth enable "$1"
  fi
}

configure() {
  echo "Configure token-vault-service with:"
  echo "  PARTNERSYNC_TOKEN_STORE_KIND=vault"
  echo "  PARTNERSYNC_TOKEN_STORE_VAULT_MOUNT=${MOUNT}"
  echo "  QUARKUS_VAULT_URL=${VAULT_ADDR}"
  for line in "$@"; do
    echo "  ${line}"
  done
}

case "$MODE" in
  kubernetes)
    NAMESPACE=${K8S_NAMESPACE:-partnersync}
    ACCOUNT=${K8S_SERVICE_ACCOUNT:-token-vault-service}
    echo "== Kubernetes auth role ${ROLE} for ${NAMESPACE}/${ACCOUNT}"
    enable_auth kubernetes
    vault write auth/kubernetes/config kubernetes_host="${K8S_HOST:-https://kubernetes.default.svc}"
    vault write "auth/kubernetes/role/${ROLE}" \
      bound_service_account_names="${ACCOUNT}" \
      bound_service_account_namespaces="${NAMESPACE}" \
      token_policies="${POLICY}" token_ttl=1h token_max_ttl=4h
    configure "QUARKUS_VAULT_AUTHENTICATION_KUBERNETES_ROLE=${ROLE}"
    ;;
  approle)
    echo "== AppRole ${ROLE}"
    enable_auth approle
    vault write "auth/approle/role/${ROLE}" token_policies="${POLICY}" token_ttl=1h token_max_ttl=4h
    ROLE_ID=$(vault read -field=role_id "auth/approle/role/${ROLE}/role-id")
    # The secret id is not printed: hand it from Vault to the service's secret store directly.
    configure "QUARKUS_VAULT_AUTHENTICATION_APP_ROLE_ROLE_ID=${ROLE_ID}" \
      "QUARKUS_VAULT_AUTHENTICATION_APP_ROLE_SECRET_ID=<vault write -f -field=secret_id auth/approle/role/${ROLE}/secret-id>"
    ;;
  token)
    echo "== a periodic token with policy ${POLICY}"
    umask 077
    vault token create -policy="${POLICY}" -period=24h -display-name="${ROLE}-local" -field=token > "${HERE}/.local-token"
    configure "QUARKUS_VAULT_AUTHENTICATION_CLIENT_TOKEN=\$(cat ${HERE}/.local-token)   (owner-only file; never commit it)"
    ;;
  dev)
    SERVICE_TOKEN=${VAULT_DEV_SERVICE_TOKEN:-token-vault-dev-token}
    echo "== dev-mode token ${SERVICE_TOKEN} with policy ${POLICY}"
    if vault token lookup "${SERVICE_TOKEN}" > /dev/null 2>&1; then
      echo "   already there"
    else
      vault token create -id="${SERVICE_TOKEN}" -policy="${POLICY}" -period=24h -display-name="${ROLE}-dev" > /dev/null
    fi
    configure "QUARKUS_VAULT_AUTHENTICATION_CLIENT_TOKEN=${SERVICE_TOKEN}"
    ;;
esac
