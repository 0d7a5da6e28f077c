# syntax=docker/dockerfile:1

# Pinpoint: answers questions about a court case with verbatim, cited quotes, in Discord and Slack.
#   docker build -t pinpoint .
#   docker run --env-file .env -p 3000:3000 -v pinpoint-data:/data pinpoint
# Settings come from the environment at run time (see .env.example); none are baked in.

ARG NODE_VERSION=24

# ---- build: all dependencies, compile TypeScript, then drop what production does not need ----
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app

# better-sqlite3's native binding is compiled here, from the sources in the npm package, against the headers
# this Node image ships in /usr/local/include/node. Left to itself its install script fetches a prebuilt binary
# from GitHub and node-gyp the headers from nodejs.org: a build that can reach only the npm registry failed.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=better-sqlite3 \
    npm_config_nodedir=/usr/local

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY bin ./bin
RUN npm run build

# Production dependencies only. The compiled binding stays in node_modules/better-sqlite3/build/Release;
# its C sources and object files, and tsx/esbuild (the image runs compiled JavaScript), are left behind.
RUN npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
           node_modules/better-sqlite3/build/Release/obj node_modules/better-sqlite3/build/Release/obj.target \
           node_modules/better-sqlite3/build/Release/.deps node_modules/better-sqlite3/build/deps \
           node_modules/better-sqlite3/build/Release/sqlite3.a node_modules/better-sqlite3/build/Release/test_extension.node \
           node_modules/tsx node_modules/esbuild node_modules/@esbuild

# ---- runtime: same base (the binding matches its Node ABI), no compilers, not root ----
FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    KNOWLEDGE_DIR=/app/knowledge \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app

COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The case documents ship in the image; mount another folder on KNOWLEDGE_DIR to use your own.
COPY knowledge ./knowledge

# Pins, answer ids and the index cache live in DATA_DIR: a volume, owned by the unprivileged user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000

# Healthy means ready (/readyz), not only alive (/healthz): a platform closed for good, such as a Discord
# gateway refused after a token reset, leaves the process running but deaf. Slim images have no curl: the probe
# is Node's fetch, at the address the bot listens on (HOST when it names one, else 127.0.0.1), with HOST and PORT
# read as the bot reads them.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "dist/adapters/http/health-probe.js"]

# Node is PID 1 and handles SIGTERM itself (graceful shutdown); no npm in between to swallow signals.
CMD ["node", "dist/adapters/main.js"]
