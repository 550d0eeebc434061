#!/bin/sh
# Copies the certificate Caddy obtained for TURN_DOMAIN into ./turn-tls for coturn (TURN over TLS),
# then asks coturn to reload its certificates (SIGUSR2). Run it once after the first `up`, then
# daily from cron or a systemd timer (Caddy renews ~30 days before expiry).
#   usage: ./copy-turn-cert.sh            (from infra/docker, with .env present)
set -eu
cd "$(dirname "$0")"
TURN_DOMAIN=$(sed -n 's/^TURN_DOMAIN=//p' .env | tail -n 1)
[ -n "$TURN_DOMAIN" ] || { echo "TURN_DOMAIN is not set in .env" >&2; exit 1; }
mkdir -p turn-tls
# Caddy stores certificates under /data/caddy/certificates/<issuer>/<domain>/.
docker compose exec -T caddy sh -c "cat /data/caddy/certificates/*/$TURN_DOMAIN/$TURN_DOMAIN.crt" > turn-tls/fullchain.pem.new
docker compose exec -T caddy sh -c "cat /data/caddy/certificates/*/$TURN_DOMAIN/$TURN_DOMAIN.key" > turn-tls/privkey.pem.new
[ -s turn-tls/fullchain.pem.new ] && [ -s turn-tls/privkey.pem.new ] || { echo "no certificate for $TURN_DOMAIN in Caddy's storage yet" >&2; exit 1; }
mv turn-tls/fullchain.pem.new turn-tls/fullchain.pem
mv turn-tls/privkey.pem.new turn-tls/privkey.pem
chmod 0644 turn-tls/fullchain.pem
chmod 0400 turn-tls/privkey.pem
chown 65534:65534 turn-tls/privkey.pem 2>/dev/null || echo "warning: run as root so privkey.pem can be given to uid 65534 (coturn)" >&2
docker compose kill -s SIGUSR2 coturn >/dev/null 2>&1 || docker compose restart coturn
echo "TURN certificate for $TURN_DOMAIN updated"
