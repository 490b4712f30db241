# csta serve in a container (docs/deploy.md).
#   docker build -t csta-link .
#   docker run --rm -p 8080:8080 csta-link                       # the demo: embedded simulator
#   docker run --rm -p 8080:8080 -v $PWD/link.yaml:/etc/csta-link/link.yaml:ro csta-link
#
# Stage 1 builds the package exactly as `npm pack` ships it; stage 2 installs only its runtime
# dependencies (npm ci --omit=dev) on a slim Node image and runs it as the unprivileged `node` user.

FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json README.md LICENSE CHANGELOG.md ./
COPY scripts/ scripts/
COPY protocol/ protocol/
COPY lib/ lib/
COPY bin/ bin/
COPY cjs/ cjs/
COPY fixtures/traces/ber-inbound-call/trace.pcap fixtures/traces/ber-inbound-call/trace.pcap
RUN npm run build \
 && npm pack --ignore-scripts --pack-destination /tmp \
 && mkdir /pkg && tar -xzf /tmp/csta-link-*.tgz --strip-components=1 -C /pkg \
 && cp package-lock.json /pkg/

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /pkg/ /app/
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force \
 && mkdir -p /etc/csta-link
COPY deploy/container-link.yaml /etc/csta-link/link.yaml
USER node
EXPOSE 8080
# 200 only while the PBX link is up and associated (503 with the reason otherwise).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) releases the PBX association and exits 0 within shutdown.timeoutMs;
# keep docker's stop timeout above it (docker stop -t, compose stop_grace_period).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/bin/csta.js"]
CMD ["serve", "--config", "/etc/csta-link/link.yaml"]
