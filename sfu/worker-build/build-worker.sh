#!/bin/sh
# Build mediasoup's C++ worker (mediasoup-worker) offline, against Debian bookworm's own libraries.
#
# mediasoup's postinstall downloads a prebuilt worker, and its fallback source build downloads OpenSSL,
# libuv, a libsrtp v3 fork, abseil and FlatBuffers. Neither works on a machine that reaches only the npm
# registry and Debian's packages, so Visite builds the worker itself:
#   1. apt: compilers and the -dev packages of the libraries the worker links;
#   2. meson >= 1.1 (bookworm ships 1.0.1) from pip in a private venv, else from bookworm-backports;
#   3. the worker sources from the mediasoup npm tarball;
#   4. shims/: one tiny meson project per subproject wrapping the system library (meson never downloads);
#   5. debian-port.py: libsrtp v3 -> libsrtp2 port, and the DTLS BIO callback fix (without it the worker
#      SIGSEGVs on the first DTLS handshake with Debian's KTLS-enabled OpenSSL);
#   6. libsrtp: with a <libsrtp-prefix> (build-libsrtp.sh: Debian's libsrtp2 source built with its OpenSSL
#      backend), linked statically; without one, Debian's libsrtp2-1 (NSS), the benchmark's reference;
#   7. meson + ninja release build (-O3), stripped binary copied to $OUT.
#
# usage: build-worker.sh <mediasoup-version> <output-binary-path> [<libsrtp-prefix>]
# Called by ensure-worker.mjs, which caches the result by mediasoup version, variant and recipe hash.
# MS_EXTRA_MESON_ARGS adds meson options and MS_UNSTRIPPED_COPY keeps an unstripped copy, for experiments
# only (ensure-worker never sets them).
set -eu
MS_VERSION=$1
OUT=$2
SRTP_PREFIX=${3:-}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/visite-mediasoup-build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

log() { echo "[build-worker] $*"; }

PKGS="build-essential pkg-config python3 python3-venv ca-certificates libssl-dev libuv1-dev libsrtp2-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler"
missing=""
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"; done
if [ -n "$missing" ]; then
  log "installing Debian packages:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# meson >= 1.1 and ninja
python3 -m venv "$WORK/venv"
if "$WORK/venv/bin/pip" install -q "meson>=1.1" ninja 2>/dev/null; then
  export PATH="$WORK/venv/bin:$PATH"
else
  log "pip has no meson: using bookworm-backports"
  # reuse the Debian mirror this machine is already configured with
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' | head -n 1)
  [ -n "$mirror" ] || mirror=$(sed -n 's/^deb \([^ ]*\/debian\) bookworm .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n 1)
  echo "deb $mirror bookworm-backports main" | $SUDO tee /etc/apt/sources.list.d/visite-backports.list >/dev/null
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends meson/bookworm-backports ninja-build
fi
log "meson $(meson --version), ninja $(ninja --version)"

cd "$WORK"
npm pack "mediasoup@$MS_VERSION" >/dev/null 2>&1
tar xzf "mediasoup-$MS_VERSION.tgz"
W="$WORK/package/worker"

"$HERE/place-shims.sh" "$W" "$HERE/shims"
python3 "$HERE/debian-port.py" "$W"

cd "$W"
SRTP_ARGS=""
if [ -n "$SRTP_PREFIX" ]; then
  srtp_sub=$(basename "$(ls subprojects/libsrtp*.wrap | head -n 1)" .wrap)
  SRTP_ARGS="-D$srtp_sub:srtp_prefix=$SRTP_PREFIX"
  log "libsrtp: $SRTP_PREFIX (OpenSSL backend, static)"
else
  log "libsrtp: Debian's libsrtp2-1 (NSS)"
fi
# shellcheck disable=SC2086
meson setup --wrap-mode=nodownload --buildtype release -Db_ndebug=true $SRTP_ARGS ${MS_EXTRA_MESON_ARGS:-} out/Release
meson compile -C out/Release flatbuffers-generator
ninja -C out/Release -j"$(nproc)" mediasoup-worker
mkdir -p "$(dirname "$OUT")"
[ -z "${MS_UNSTRIPPED_COPY:-}" ] || cp out/Release/mediasoup-worker "$MS_UNSTRIPPED_COPY"   # for profiling
cp out/Release/mediasoup-worker "$OUT.tmp"
strip "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
log "built $OUT ($(du -h "$OUT" | cut -f1))"
