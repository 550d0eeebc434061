# syntax=docker/dockerfile:1
# Visite API image: NestJS API + socket.io (server/), serving the built web client (web/dist).
#
# Build from the REPOSITORY ROOT (the context must be the whole monorepo):
#   docker build -f infra/docker/server.Dockerfile -t visite-server:<version> .
# The matching ignore file is infra/docker/server.Dockerfile.dockerignore (BuildKit picks up
# <Dockerfile>.dockerignore next to the Dockerfile).
#
# Run:        node server/dist/main.js                  (the default CMD)
# Migrations: node server/dist/database/migrate.js up   (same image, run as a one-shot job)
#
# Untested in CI: no Docker engine was available when this file was written.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# base: Node + pnpm. The repository pins pnpm in package.json ("packageManager"); pnpm 10 switches
# to that exact version by itself when it differs from the one installed here.
FROM ${NODE_IMAGE} AS base
ENV PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    CI=true
ENV VISITE_SKIP_WORKER_BUILD=1
RUN npm install -g pnpm@10 && pnpm --version
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# build: full install (dev dependencies included), then build contracts -> server and web.
FROM base AS build
# 1. Fetch every package of the lockfile into the store (cached layer: only the lockfile matters).
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
RUN --mount=type=cache,id=visite-pnpm-store,target=/pnpm/store \
    pnpm fetch
# 2. The sources (filtered by server.Dockerfile.dockerignore), then an install from the store.
COPY . .
RUN --mount=type=cache,id=visite-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prefer-offline \
      --filter "@visite/server..." --filter "@visite/web..."
# "pkg..." = the package and its workspace dependencies (@visite/contracts), built in topological order.
RUN pnpm --filter "@visite/server..." --filter "@visite/web..." run build \
 && test -f server/dist/main.js \
 && test -f server/dist/database/migrate.js \
 && test -f web/dist/index.html \
 && test -f packages/contracts/dist/index.js

# ---------------------------------------------------------------------------------------------
# prod-deps: production dependencies only, for the server and its workspace dependencies.
FROM build AS prod-deps
RUN --mount=type=cache,id=visite-pnpm-store,target=/pnpm/store \
    rm -rf node_modules packages/*/node_modules server/node_modules sfu/node_modules web/node_modules test/node_modules \
 && pnpm install --frozen-lockfile --prefer-offline --prod --filter "@visite/server..."

# ---------------------------------------------------------------------------------------------
# runtime: no compiler, no pnpm, no sources; runs as the unprivileged "node" user (uid 1000).
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST_DIR=/app/web/dist
WORKDIR /app
# pnpm's layout: the virtual store in /app/node_modules/.pnpm, relative symlinks in each package's
# node_modules (server/node_modules/@visite/contracts -> ../../packages/contracts).
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/server/node_modules ./server/node_modules
COPY --from=prod-deps /app/packages/contracts/node_modules ./packages/contracts/node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/packages/contracts/package.json ./packages/contracts/package.json
COPY --from=build /app/packages/contracts/dist ./packages/contracts/dist
COPY --from=build /app/server/package.json ./server/package.json
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/web/dist ./web/dist
# /app stays owned by root and read-only for the app. Without DATABASE_URL the server would create an
# embedded PGlite database under DATA_DIR (./data): that fails here on purpose (EACCES), production
# must use PostgreSQL.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini: PID 1 that forwards SIGTERM (Nest's shutdown hooks close socket.io, Redis and the database).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server/dist/main.js"]
