#!/usr/bin/env bash
# Prints a bearer token that `./mvnw quarkus:dev` accepts, signed with the checked-in dev key pair (dev/).
# Usage: scripts/dev-token.sh [role ...]     roles default to "admin ingest read"; the token lives 8 hours.
# Only the dev profile trusts this key: never configure dev/dev-verification-key.pem anywhere else.
set -euo pipefail

key="$(dirname "$0")/../dev/dev-signing-key.pem"
if [ "$#" -gt 0 ]; then
  roles=("$@")
else
  roles=(admin ingest read)
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
groups=$(printf '"%s",' "${roles[@]}")
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"urn:sheet-ingest:dev","aud":"sheet-ingest","sub":"developer","preferred_username":"developer","groups":[%s],"iat":%d,"exp":%d}' \
  "${groups%,}" "$now" "$((now + 8 * 3600))")

unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
