# The Stadium env server. Configure it with STADIUM_* variables (every `stadium serve` flag has one, see
# deploy/README.md). Plaintext needs STADIUM_INSECURE=true; for TLS mount a certificate and key and set
# STADIUM_TLS_CERT / STADIUM_TLS_KEY (and STADIUM_TLS_CLIENT_CA for mutual TLS).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY . .
# The server's TypeScript and its two WebAssembly modules (emulator, preprocessing kernel); not the agents' libtorch
# addon, which the server never loads and this image has neither libtorch nor a C++ toolchain to build.
RUN npm run build:ts && npm run build:wasm:ale && npm run build:wasm:shrink && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    STADIUM_HOST=0.0.0.0 \
    STADIUM_PORT=50051 \
    STADIUM_HEALTH_PORT=50052
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/proto ./proto
COPY --from=build /app/viewer ./viewer
COPY --from=build /app/build/ale/ale.wasm ./build/ale/ale.wasm
COPY --from=build /app/build/atari/shrink.wasm ./build/atari/shrink.wasm
USER node
EXPOSE 50051 50052
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/env-server/cli.js", "serve"]
