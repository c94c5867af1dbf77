# Switchboard: both apps in one process (npm start). Build stage compiles TypeScript; runtime stage keeps only
# production dependencies and dist/. Node 24 is the current LTS (package.json `engines` still accepts 20.19+,
# which development machines run).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
RUN npm run build && npm run build:dashboard && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    GATEWAY_HOST=0.0.0.0 \
    GATEWAY_PORT=8080 \
    ADMIN_HOST=0.0.0.0 \
    ADMIN_PORT=8081 \
    DATA_DIR=/var/lib/switchboard
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/switchboard && chown node:node /var/lib/switchboard
USER node
VOLUME ["/var/lib/switchboard"]
# The admin token, when ADMIN_TOKEN is unset, is generated into /var/lib/switchboard/admin-token (mode 0600):
#   docker exec <container> cat /var/lib/switchboard/admin-token
# 8080: data plane (public). 8081: admin API (publish privately). 9464: Prometheus metrics (publish privately).
EXPOSE 8080 8081 9464
# /readyz, not /healthz: a replica is healthy only once its route table is loaded and it can serve.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:8080/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "dist/apps/switchboard/src/main.js"]
