# syntax=docker/dockerfile:1
# Ponte's production image: Node 24 runs the TypeScript sources directly (type stripping), so there
# is no build step; the image holds production dependencies, src/, bin/ and migrations/ only.
#   docker build -t ponte:0.1.0 .
#   docker run --rm ponte:0.1.0 --help
# The tag matches the `node` devDependency that pins the project's Node; pin it by digest too
# (node:24.21.0-bookworm-slim@sha256:...) in your registry's build.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev: no compiler, linter, test or benchmark tools (`node`, the npm package that pins Node
#   for development, is one of them: the image brings its own Node 24).
# --omit=optional: drops the embedded PostgreSQL binaries (@embedded-postgres/<platform>, ~60 MB):
#   in a container Ponte talks to an external PostgreSQL (DATABASE_URL), never an embedded one.
# --ignore-scripts: no production dependency needs an install script (see package.json allowScripts,
#   whose entries are all development or embedded-database packages).
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# A dedicated unprivileged user with a fixed numeric id, so Kubernetes' runAsNonRoot can check it.
RUN groupadd --system --gid 10001 ponte \
  && useradd --system --uid 10001 --gid ponte --home-dir /var/lib/ponte --no-create-home \
     --shell /usr/sbin/nologin ponte \
  && mkdir -p /var/lib/ponte \
  && chown ponte:ponte /var/lib/ponte
WORKDIR /app
ENV NODE_ENV=production \
    PONTE_SIM=false \
    PONTE_HOME=/var/lib/ponte \
    PONTE_HTTP_HOST=0.0.0.0 \
    PONTE_HTTP_PORT=8080
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --chown=root:root bin ./bin
COPY --chown=root:root src ./src
COPY --chown=root:root migrations ./migrations
# The code stays root-owned and read-only to the process; only PONTE_HOME is writable.
USER 10001:10001
EXPOSE 8080
# Liveness on the operator listener; Kubernetes uses its own probes (the chart sets them).
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PONTE_HTTP_PORT || 8080) + '/health/live').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/ponte.js"]
CMD ["start"]
