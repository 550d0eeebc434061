#!/bin/sh
# Build libsrtp 2.5 with its OpenSSL crypto backend, as a static library, from Debian's own source package.
#
# Debian's libsrtp2-1 does its crypto through NSS and sets up a crypto context for every packet: measured,
# NSS took about 40% of the worker's CPU with AES_CM and the worker forwards about twice as much with
# libsrtp built against OpenSSL (docs/media-benchmarks.md). So the worker links this build statically.
#
# The source is Debian's libsrtp2 source package (the same upstream 2.5.0 and Debian patches as the
# libsrtp2-1 the machine has), fetched with `apt-get source` through a private apt configuration: a
# deb-src entry for the Debian mirror this machine is already configured with, its own package lists and
# cache, so the system's apt state is not touched. apt checks the source package against the signed
# Release file of the mirror (debian-archive-keyring).
#
# usage: build-libsrtp.sh <prefix>      -> <prefix>/lib/libsrtp2.a, <prefix>/include/srtp2/*.h
# Called by ensure-worker.mjs (ensureLibsrtp), which caches the result by a hash of this script.
set -eu
PREFIX=$1
SRTP_SOURCE_VERSION=2.5.0-3   # bookworm's libsrtp2
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/visite-libsrtp-build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
log() { echo "[build-libsrtp] $*"; }

PKGS="build-essential dpkg-dev pkg-config libssl-dev ca-certificates debian-archive-keyring"
missing=""
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"; done
if [ -n "$missing" ]; then
  log "installing Debian packages:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# shellcheck source=debian-source.sh
. "$HERE/debian-source.sh"
cd "$WORK"
debian_source libsrtp2 "$SRTP_SOURCE_VERSION" bookworm
cd "$WORK"/libsrtp2-*/
log "configure --enable-openssl ($(pwd | sed 's|.*/||'))"
./configure --enable-openssl --prefix="$PREFIX.tmp" >"$WORK/configure.log" 2>&1 || { tail -n 30 "$WORK/configure.log"; exit 1; }
make -j"$(nproc)" libsrtp2.a >"$WORK/make.log" 2>&1 || { tail -n 30 "$WORK/make.log"; exit 1; }
# libsrtp's own test vectors and SRTP round trips, for every suite (the AEAD-GCM ones included).
make -j"$(nproc)" test >>"$WORK/make.log" 2>&1 || { tail -n 30 "$WORK/make.log"; exit 1; }
./crypto/test/cipher_driver -v >"$WORK/cipher.log" 2>&1 || { tail -n 30 "$WORK/cipher.log"; exit 1; }
grep -q "AES-256 GCM using openssl" "$WORK/cipher.log" || { log "cipher_driver did not test the OpenSSL AES-256 GCM"; exit 1; }
./test/srtp_driver -v >"$WORK/srtp.log" 2>&1 || { tail -n 30 "$WORK/srtp.log"; exit 1; }
log "libsrtp self-tests passed (cipher_driver, srtp_driver)"
rm -rf "$PREFIX.tmp"
make install >/dev/null
rm -rf "$PREFIX.tmp/lib/pkgconfig"
rm -rf "$PREFIX" && mv "$PREFIX.tmp" "$PREFIX"
log "built $PREFIX/lib/libsrtp2.a"
