/**
 * The status-reporting, system-status, capability-exchange, logical-device-feature and routeing
 * services of ECMA-285 (every operation in this folder besides call control), for the registry in
 * `../operations.ts`.
 */
import { monitorStart } from './monitor-start.js';
import { changeMonitorFilter } from './change-monitor-filter.js';
import { monitorStop } from './monitor-stop.js';
import { snapshotDevice } from './snapshot-device.js';
import { snapshotCall } from './snapshot-call.js';
import { snapshotCallData } from './snapshot-call-data.js';
import { snapshotDeviceData } from './snapshot-device-data.js';
import { getSwitchingFunctionDevices } from './get-switching-function-devices.js';
import { changeSysStatFilter } from './change-system-status-filter.js';
import { systemRegister } from './system-register.js';
import { systemRegisterAbort } from './system-register-abort.js';
import { systemRegisterCancel } from './system-register-cancel.js';
import { requestSysStat } from './request-system-status.js';
import { systemStatus } from './system-status.js';
import { getAgentState } from './get-agent-state.js';
import { getDoNotDisturb } from './get-do-not-disturb.js';
import { getForwarding } from './get-forwarding.js';
import { setAgentState } from './set-agent-state.js';
import { setDoNotDisturb } from './set-do-not-disturb.js';
import { setForwarding } from './set-forwarding.js';
import { routeRequest } from './route-request.js';
import { reRouteRequest } from './re-route-request.js';
import { routeSelectRequest } from './route-select-request.js';
import { routeUsedRequest } from './route-used-request.js';
import { routeEndRequest } from './route-end-request.js';
import { routeReject } from './route-reject.js';
import { routeRegister } from './route-register.js';
import { routeRegisterAbort } from './route-register-abort.js';
import { routeRegisterCancel } from './route-register-cancel.js';

export const monitoringOperations = [
  // routeing
  routeRequest, // 31
  reRouteRequest, // 32
  routeSelectRequest, // 33
  routeUsedRequest, // 34
  routeEndRequest, // 35
  routeReject, // 36
  routeRegister, // 248
  routeRegisterAbort, // 249
  routeRegisterCancel, // 250
  // monitoring and snapshot
  monitorStart, // 71
  changeMonitorFilter, // 72
  monitorStop, // 73
  snapshotDevice, // 74
  snapshotCall, // 75
  snapshotCallData, // 76
  snapshotDeviceData, // 77
  // capability exchange and system status
  getSwitchingFunctionDevices, // 204
  changeSysStatFilter, // 206
  systemRegister, // 207
  systemRegisterAbort, // 208
  systemRegisterCancel, // 209
  requestSysStat, // 210
  systemStatus, // 211
  // logical device features
  getAgentState, // 304
  getDoNotDisturb, // 308
  getForwarding, // 309
  setAgentState, // 312
  setDoNotDisturb, // 316
  setForwarding, // 317
] as const;
