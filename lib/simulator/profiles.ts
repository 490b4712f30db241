/**
 * Simulator options that play a vendor profile (protocol/profiles) over real TCP: its wire and
 * framing, its association and login (ECMA-354 with the vendor's login content, ACSE with the
 * HiPath context and password, Zultys' loginRequest), the invoke id on events (9999), and vendor
 * private data on event reports, so sessions built with `sessionOptionsForProfile` can be tested
 * end to end against each dialect (`csta simulate --profile NAME`).
 */
import { resolveProfile, wireForProfile } from '../session/profiles.js';
import type { ProfileCredentials } from '../session/profiles.js';
import type { VendorProfile } from '../../protocol/profiles/index.js';
import type { AssociationKind } from './client.js';
import type { SimDialectOptions } from './dialect.js';
import type { PbxSimulatorOptions } from './simulator.js';

const SIEMENS = 'http://www.siemens.com/schema/csta';
const AVAYA = 'http://www.avaya.com/csta';

/** Vendor private data the simulator puts on event reports, per profile (names as the vendors use them). */
function eventPrivateData(profile: VendorProfile): SimDialectOptions['eventPrivateData'] {
  switch (profile.name) {
    case 'openscape-voice':
      return `<scx:extendedServicesPermitted xmlns:scx="${SIEMENS}"><scx:silentMonitor>false</scx:silentMonitor></scx:extendedServicesPermitted>`;
    case 'avaya-dmcc':
      return (type) => `<ns1:${type.charAt(0).toUpperCase()}${type.slice(1)}EventPrivateData xmlns:ns1="${AVAYA}"><ns1:ucid>00001000011733050000</ns1:ucid></ns1:${type.charAt(0).toUpperCase()}${type.slice(1)}EventPrivateData>`;
    default:
      return undefined;
  }
}

function associationKinds(profile: VendorProfile): AssociationKind[] {
  switch (profile.association.kind) {
    case 'acse':
      return ['acse'];
    case 'applicationSession':
      return ['applicationSession'];
    case 'systemRegister':
      return ['systemRegister'];
    case 'none':
      return ['none', 'systemRegister'];
  }
}

/** Options for a PbxSimulator that behaves as the profile's PBX; `credentials` are the ones it accepts. */
export function simulatorOptionsForProfile(profileOrName: VendorProfile | string, credentials: ProfileCredentials = {}, overrides: Partial<PbxSimulatorOptions> = {}): PbxSimulatorOptions {
  const profile = resolveProfile(profileOrName);
  const a = profile.association;
  const user = credentials.userName;
  const password = credentials.password;
  const dialect: SimDialectOptions = {
    ...(profile.invokeIds?.events === undefined ? {} : { eventInvokeId: profile.invokeIds.events }),
    ...(eventPrivateData(profile) === undefined ? {} : { eventPrivateData: eventPrivateData(profile)! }),
    ...(a.kind === 'none' && a.login === 'zultys' && user !== undefined && password !== undefined ? { zultysLogin: { userName: user, password } } : {}),
  };
  return {
    wire: wireForProfile(profile),
    association: associationKinds(profile),
    ...(a.kind === 'acse' && a.authentication && password !== undefined ? { password, ...(user === undefined ? {} : { authenticationName: user }) } : {}),
    ...(a.kind === 'applicationSession'
      ? {
          applicationSession: {
            protocolVersions: a.protocolVersions,
            ...(a.login !== 'none' && user !== undefined && password !== undefined ? { login: { user, password } } : {}),
            ...(profile.name === 'openscape-voice' ? { actualHBT: 0 } : {}),
          },
        }
      : {}),
    dialect,
    ...overrides,
  };
}
