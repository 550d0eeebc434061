# syntax=docker/dockerfile:1
# Visite SFU image: mediasoup SFU with socket.io signaling (sfu/).
#
# Build from the REPOSITORY ROOT:
#   docker build -f infra/docker/sfu.Dockerfile -t visite-sfu:<version> .
# The matching ignore file is infra/docker/sfu.Dockerfile.dockerignore.
#
# mediasoup's npm postinstall is disabled in this repository (pnpm-workspace.yaml,
# ignoredBuiltDependencies), so no prebuilt worker is downloaded: the "worker" stage builds
# mediasoup-worker with sfu/worker-build/build-worker.sh against Debian bookworm's own libraries, and
# the runtime stage installs only those libraries' runtime packages.
#
# The media ports (SFU_WEBRTC_PORT + worker index, UDP and TCP) must be reachable DIRECTLY by browsers,
# not through the HTTP proxy; SFU_ANNOUNCED_ADDRESS must be the public IP or host name. See infra/README.md.
#
# Untested in CI: no Docker engine was available when this file was written.

ARG NODE_IMAGE=node:20-bookworm-slim
# Must equal the exact "mediasoup" version pinned in sfu/package.json (checked below).
ARG MEDIASOUP_VERSION=3.27.1

# ---------------------------------------------------------------------------------------------
# worker: builds /opt/mediasoup-worker. build-worker.sh installs its own apt packages (compilers and
# the -dev packages), takes meson from pip (else bookworm-backports) and the worker sources from the
# mediasoup npm tarball (npm pack). About 6 minutes on 2 cores; cached as long as sfu/worker-build and
# sfu/package.json do not change.
FROM ${NODE_IMAGE} AS worker
ARG MEDIASOUP_VERSION
WORKDIR /src
COPY sfu/package.json sfu/package.json
COPY sfu/worker-build sfu/worker-build
RUN node -e "const v=require('./sfu/package.json').dependencies.mediasoup; \
  if (v !== process.env.MEDIASOUP_VERSION) { console.error('sfu/package.json pins mediasoup ' + v + ' but MEDIASOUP_VERSION=' + process.env.MEDIASOUP_VERSION); process.exit(1); }"
RUN sh sfu/worker-build/build-worker.sh "${MEDIASOUP_VERSION}" /opt/mediasoup-worker \
 && test -x /opt/mediasoup-worker

# ---------------------------------------------------------------------------------------------
# base: Node + pnpm (pnpm 10 switches to the version pinned in package.json by itself).
FROM ${NODE_IMAGE} AS base
ENV PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    CI=true
ENV VISITE_SKIP_WORKER_BUILD=1
RUN npm install -g pnpm@10 && pnpm --version
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# build: contracts -> sfu (TypeScript only; the worker comes from the "worker" stage).
FROM base AS build
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
RUN --mount=type=cache,id=visite-pnpm-store,target=/pnpm/store \
    pnpm fetch
COPY . .
RUN --mount=type=cache,id=visite-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prefer-offline --filter "@visite/sfu..."
RUN pnpm --filter "@visite/sfu..." run build \
 && test -f sfu/dist/main.js \
 && test -f packages/contracts/dist/index.js

# ---------------------------------------------------------------------------------------------
# prod-deps: production dependencies of the SFU and its workspace dependencies.
FROM build AS prod-deps
RUN --mount=type=cache,id=visite-pnpm-store,target=/pnpm/store \
    rm -rf node_modules packages/*/node_modules server/node_modules sfu/node_modules web/node_modules test/node_modules \
 && pnpm install --frozen-lockfile --prefer-offline --prod --filter "@visite/sfu..."

# ---------------------------------------------------------------------------------------------
# runtime: Node, the worker binary and the runtime packages of the libraries it links
# (verified with ldd on a worker built by build-worker.sh on bookworm):
#   libuv1 (libuv.so.1), libssl3 (libssl.so.3, libcrypto.so.3), libsrtp2-1 (libsrtp2.so.1),
#   libabsl20220623 (libabsl_*.so.20220623), libnss3 + libnspr4 (pulled in by Debian's libsrtp2,
#   which uses NSS for its crypto). libstdc++6 and libgcc-s1 are already in the Node image.
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tini libuv1 libssl3 libsrtp2-1 libabsl20220623 libnss3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=worker /opt/mediasoup-worker /usr/local/bin/mediasoup-worker
# Fail the build if a shared library of the worker is missing.
RUN if ldd /usr/local/bin/mediasoup-worker | grep 'not found'; then echo 'mediasoup-worker: missing shared libraries' >&2; exit 1; fi
ENV NODE_ENV=production \
    MEDIASOUP_WORKER_BIN=/usr/local/bin/mediasoup-worker \
    SFU_PORT=3100 \
    SFU_HOST=0.0.0.0 \
    SFU_LISTEN_IP=0.0.0.0 \
    SFU_WEBRTC_PORT=44444
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/sfu/node_modules ./sfu/node_modules
COPY --from=prod-deps /app/packages/contracts/node_modules ./packages/contracts/node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/packages/contracts/package.json ./packages/contracts/package.json
COPY --from=build /app/packages/contracts/dist ./packages/contracts/dist
COPY --from=build /app/sfu/package.json ./sfu/package.json
COPY --from=build /app/sfu/dist ./sfu/dist
USER node
# 3100: HTTP + socket.io signaling (behind the reverse proxy).
# 44444+i: worker i's WebRTC media, UDP and TCP (published directly; one pair per SFU_NUM_WORKERS).
EXPOSE 3100 44444/udp 44444/tcp
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.SFU_PORT||3100)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini: PID 1 that forwards SIGTERM (the SFU closes its rooms, then its workers) and reaps processes.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "sfu/dist/main.js"]
