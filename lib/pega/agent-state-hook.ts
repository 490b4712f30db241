/**
 * Reason codes and work modes to the switch. CSTA SetAgentState has no field for either (ECMA-269
 * SetAgentState: device, requested state, agent ID, password, group), so Pega's `reasonCode`
 * (NotReady, Logout) and `workMode` (Ready: AUTO_IN / MANUAL_IN) can reach the ACD only in vendor
 * private data. An {@link AgentStateHook} adds it to each setAgentState the link sends; without a
 * hook they stay local (echoed in Pega events, not sent). {@link agentStateHookForProfile} gives
 * the hook of a vendor profile (protocol/profiles), where the vendor documents one.
 */
import type { ReqAgentState } from '../../protocol/csta/services/set-agent-state.js';
import type { CSTAPrivateData } from '../../protocol/csta/types/extension-types.js';
import { AVAYA_CSTA_NAMESPACE } from '../../protocol/ecma354/login-info.js';
import type { OctetForm } from './csta-values.js';
import type { PegaWorkMode } from './types.js';

/** One setAgentState the link is about to send, with the Pega values the switch may need. */
export interface AgentStateChange {
  readonly requestedAgentState: ReqAgentState;
  /** Pega's reason code ("" or absent: none). */
  readonly reasonCode?: string;
  /** Pega's work mode, when the request named one. */
  readonly workMode?: PegaWorkMode;
  /** How the session carries OCTET STRINGs: `text` on XML, `hex` on BER. */
  readonly octets: OctetForm;
}

/** What a hook answers: private data to add, nothing, or why the value cannot be sent. */
export type AgentStateHookResult =
  | { readonly kind: 'privateData'; readonly privateData: readonly CSTAPrivateData[] }
  | { readonly kind: 'none' }
  | { readonly kind: 'refused'; readonly reason: string };

/** A vendor's way of carrying reason codes and work modes on setAgentState. */
export interface AgentStateHook {
  /** The vendor profile name it is for. */
  readonly profile: string;
  /** Which Pega values it carries. */
  readonly carries: { readonly reasonCode: boolean; readonly workMode: boolean };
  /** The private data for one setAgentState. */
  privateData(change: AgentStateChange): AgentStateHookResult;
}

/** Avaya's agent work modes as its private data names them (TSAPI LucentWorkMode: AUX_WORK, AFTCAL_WK, AUTO_IN, MANUAL_IN). */
type AvayaWorkMode = 'AUTO_IN' | 'MANUAL_IN';

/** Pega's work mode for Ready → Avaya's (Pega's AES page: work modes AUTO_IN, MANUAL_IN at login, CO-AgentDevice). */
function avayaWorkMode(mode: PegaWorkMode | undefined): AvayaWorkMode | undefined {
  switch (mode) {
    case 'MODE_AUTO_IN':
      return 'AUTO_IN';
    case 'MODE_MANUAL_IN':
      return 'MANUAL_IN';
    case undefined:
    case 'MODE_NONE':
    case 'ACW':
    case 'BUSY':
    case 'AUX_WORK':
      return undefined;
    default: {
      const never: never = mode;
      return never;
    }
  }
}

/** Avaya reason codes are small integers ("an application-defined reasonCode (1-9)… zero… no reason", AES JTAPI LucentV6Agent.setState); later CM releases allow two digits. */
const AVAYA_REASON = /^\d{1,2}$/;


/**
 * Avaya AES DMCC (XML): Avaya's SetAgentState private data (work mode, reason code, as in Avaya's
 * V6 agent-state private data: `setState(state, workMode, reasonCode, enablePending)`), written as
 * `<SetAgentStatePrivateData xmlns="http://www.avaya.com/csta"><workMode>MANUAL_IN</workMode>
 * <reasonCode>3</reasonCode></SetAgentStatePrivateData>` inside `<extensions><privateData><private>`.
 * (`{ xml }` is the XML value model of an open type, docs/xml.md.) The field set is Avaya's; the element name follows Avaya's DMCC naming and is unverified
 * against a captured DMCC exchange (none is in the references). Work mode only with `ready` and
 * `loggedOn` (Avaya takes it only for Ready); reason code only with `notReady` and `loggedOff`.
 * A reason code that is not 0–99 is refused (the switch would reject it). BER sessions: none.
 */
export const AVAYA_DMCC_AGENT_STATE_HOOK: AgentStateHook = {
  profile: 'avaya-dmcc',
  carries: { reasonCode: true, workMode: true },
  privateData(change) {
    if (change.octets !== 'text') return { kind: 'none' };
    const wantsMode = change.requestedAgentState === 'ready' || change.requestedAgentState === 'loggedOn';
    const wantsReason = change.requestedAgentState === 'notReady' || change.requestedAgentState === 'loggedOff';
    const mode = wantsMode ? avayaWorkMode(change.workMode) : undefined;
    const reason = wantsReason && change.reasonCode !== undefined && change.reasonCode !== '' ? change.reasonCode : undefined;
    if (reason !== undefined && !AVAYA_REASON.test(reason)) return { kind: 'refused', reason: `Avaya reason codes are 0-99, not ${JSON.stringify(reason)}` };
    if (mode === undefined && reason === undefined) return { kind: 'none' };
    const xml =
      `<SetAgentStatePrivateData xmlns="${AVAYA_CSTA_NAMESPACE}">` +
      (mode === undefined ? '' : `<workMode>${mode}</workMode>`) +
      (reason === undefined ? '' : `<reasonCode>${Number(reason)}</reasonCode>`) +
      '</SetAgentStatePrivateData>';
    return { kind: 'privateData', privateData: [{ private: { xml } } as unknown as CSTAPrivateData] };
  },
};

/**
 * Per vendor profile: its hook, or why there is none (docs/profiles.md, peers.md). Only Avaya
 * documents agent work modes and reason codes on its CTI interface among the profiles.
 */
export const AGENT_STATE_HOOK_SUPPORT: Readonly<Record<string, AgentStateHook | string>> = {
  'avaya-dmcc': AVAYA_DMCC_AGENT_STATE_HOOK,
  generic: 'plain ECMA-269: SetAgentState has no reason code or work mode',
  'generic-xml': 'plain ECMA-323: SetAgentState has no reason code or work mode',
  hipath: 'no agent reason-code private data documented in the references',
  'openscape-voice': 'no agent reason-code private data documented in the references (scx: private data covers other features)',
  'openscape-business': 'no agent reason-code private data documented in the references',
  unitel: 'no ACD agent states in the documented API',
  'zultys-mx': 'no agent reason-code private data documented in the references',
  snom: 'a phone, no ACD agents',
  'microsoft-rcc': 'no ACD agents in the RCC interface',
};

/** The hook of a vendor profile, or undefined when the vendor has none (see {@link AGENT_STATE_HOOK_SUPPORT}). */
export function agentStateHookForProfile(profile: string): AgentStateHook | undefined {
  const entry = Object.hasOwn(AGENT_STATE_HOOK_SUPPORT, profile) ? AGENT_STATE_HOOK_SUPPORT[profile] : undefined;
  return typeof entry === 'object' ? entry : undefined;
}
