/**
 * `csta serve` as a library: run a CTI link service from a config (docs/deploy.md), and the
 * plugin hook for optional parts (plugin.ts).
 */
export { CtiLinkService } from './service.js';
export type { ServiceStartOptions, StopReport } from './service.js';
export { ConfigError, loadConfigFile, parseConfig, validateConfig, MAX_CONFIG_BYTES } from './config.js';
export type { Environment } from './config.js';
export { serviceConfigSchema, LOG_LEVELS } from './config-schema.js';
export type { AgentConfig, AssociationConfig, EndpointConfig, HttpTlsConfig, JwtConfig, LogLevel, PbxConfig, PbxTlsConfig, RoutingPointConfig, ServiceConfig, TokenConfig } from './config-schema.js';
export { EXAMPLE_CONFIG } from './example-config.js';
export { BUILTIN_PLUGINS } from './plugins.js';
export type { AssociationState, SchemaFragment, ServiceHost, ServicePlugin, ServicePluginFactory, ServiceRequest } from './plugin.js';
export { diffReload, RELOADABLE_KEYS, RESTART_KEYS } from './reload.js';
export type { ReloadReport } from './reload.js';
export { ServiceMetrics, LINK_STATES } from './metrics.js';
export type { LinkStateLabel, MetricSources, RequestOutcome } from './metrics.js';
export { AgentDispatcher, MAX_REMEMBERED_AGENTS } from './agents.js';
export type { LinkHealth } from './link-observer.js';
