/**
 * `csta serve --example-config`: a complete, commented config that runs as is — the `simulator`
 * section starts the PBX simulator in-process and the link connects to it — so that
 * `csta serve --example-config > link.yaml && csta serve --config link.yaml` is a running demo.
 * A test checks that it validates and that the service it describes comes up.
 */

/** The example config (YAML). */
export const EXAMPLE_CONFIG = `# csta serve config (docs/deploy.md; schema: docs/csta-serve.schema.json).
# Any string may hold \${env:NAME}: it is replaced by that environment variable (an unset one is an
# error). Put passwords and tokens there, not in this file.
# For editor completion: csta serve --schema > csta-serve.schema.json, then
# yaml-language-server: $schema=./csta-serve.schema.json

# Name of this link: in every log line, the metrics' "link" label and NATS subjects.
name: demo

# The one HTTP port: gateway WebSocket (/cti) and toolbar (/toolbar), /healthz, /readyz, /metrics.
http:
  host: 127.0.0.1       # 0.0.0.0 to serve other machines, with TLS (below) or behind a TLS proxy (docs/deploy.md)
  port: 8080            # csta serve --port overrides
  # tls:                # serve HTTPS and wss on this port
  #   certFile: /etc/csta-link/cert.pem
  #   keyFile: /etc/csta-link/key.pem
  #   caFile: /etc/csta-link/clients-ca.pem   # with requireClientCert: true, mutual TLS

log:
  level: info           # fatal, error, warn, info, debug, trace, silent; --log-level overrides

# The embedded PBX simulator, for this demo: remove this section to connect to a real PBX.
# Stations 2000-2009 and 3000-3009, ACD group 6000, routing point 7000, trunk 0800.
simulator:
  host: 127.0.0.1
  port: 0               # any free port; the link below connects to it

# The CSTA link to the PBX.
pbx:
  # With a simulator section the endpoints may be left out. For a real PBX, primary first, then
  # the secondary: when the link to one is lost the service reconnects to the other (failover).
  # endpoints:
  #   - { host: pbx-a.example, port: 2555 }
  #   - { host: pbx-b.example, port: 2555 }
  # profile: avaya-dmcc  # vendor profile (docs/profiles.md): wire, login, keep-alive
  wire:
    encoding: ber       # ber (ECMA-285) or xml (ECMA-323)
    framing: length16   # ber: length16, length32, ber, hipath; xml: header
  association:
    kind: acse          # acse, systemRegister or none
    # password: \${env:CSTA_PBX_PASSWORD}
  # credentials: { userName: cti, password: \${env:CSTA_PBX_PASSWORD} }   # for a profile's login
  # tls: { caFile: /etc/csta-link/pbx-ca.pem, rejectUnauthorized: true }
  requestTimeoutMs: 10000
  connectTimeoutMs: 10000
  keepAliveMs: 30000    # systemStatus keep-alive; 0 = none
  reconnect:
    initialMs: 200      # first reconnect delay (jittered, doubling)
    maxMs: 30000

# Agents: "asTheyLogIn" lets any valid token log its agent in from the toolbar; "configured"
# admits only the agents listed here.
agents:
  mode: configured
  list:
    - agentId: "5001"
      device: "2000"
      loginAtStart: true  # logged in as soon as the link is up
    - agentId: "5002"
      device: "2001"

# Routing points the service answers: calls arriving at the device are routed to destination.
routing:
  points:
    - device: "7000"
      destination: "2001"

# The client-side gateway for the Pega toolbar (docs/pega-gateway.md).
gateway:
  enabled: true
  path: /cti
  toolbar: true         # the demo toolbar at http://127.0.0.1:8080/toolbar#token=demo-token-5001
  logoutOnClose: false
  heartbeatMs: 30000
  # allowedOrigins: [https://pega.example]

# Bearer tokens (WebSocket subprotocol "bearer.<token>"), each bound to one agent and device.
# Demo tokens only: in production use \${env:NAME} and long random values. SIGHUP reloads them.
auth:
  tokens:
    - { token: demo-token-5001, agentId: "5001", device: "2000" }
    - { token: demo-token-5002, agentId: "5002", device: "2001" }
  # Also accept signed JWTs (sub = agent ID, extension / devices = device): HS256 secret or a public key.
  # jwt: { secret: \${env:CSTA_JWT_SECRET}, issuer: pega }
  # jwt: { publicKeyFile: /etc/csta-link/jwt-public.pem, audience: csta-link }

# The server-side Pega Call API (POST /api/agents/{id}/login, ...; docs/pega-server.md) and, with
# events.url, the event pusher to Pega's REST service. Tokens are keys: "\${env:NAME}" works there too.
# server:
#   tokens:
#     "\${env:CSTA_API_TOKEN}": { name: pega-node-1 }
#   events: { url: "https://pega.example/prweb/api/cti/events", authorization: "Bearer \${env:PEGA_PUSH_TOKEN}" }

# Bounds (SIGHUP reloads all but maxPayloadBytes).
limits:
  maxSockets: 256
  maxSocketsPerAgent: 8
  maxInFlightPerSocket: 16
  maxPayloadBytes: 16384

# SIGTERM / SIGINT: finish requests, close sockets, release the association, exit within this.
shutdown:
  timeoutMs: 10000

# Scale-out on NATS (docs/nats.md): events to JetStream, Pega requests over NATS, and active/standby
# with another csta serve of the same name (a lease in the NATS KV store decides which holds the PBX).
# nats:
#   servers: ["nats://127.0.0.1:4222"]
#   lease: { ttlMs: 5000 }     # a dead active is replaced after about this long
`;
