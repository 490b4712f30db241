/**
 * Association set-up and release PDUs (ACSE with CSTA user information), and the reading of the
 * switch's answer. Pure functions: the session sends and waits.
 */
import type { AarePdu, AarqPdu, RlrqPdu } from '../../protocol/acse/pdu.js';
import type { CSTAVersion } from '../../protocol/csta/types/acse-user-info-csta.js';
import { CSTA_APPLICATION_CONTEXT } from './options.js';
import type { AssociationMode } from './options.js';

type AcseMode = Extract<AssociationMode, { kind: 'acse' }>;

export const DEFAULT_CSTA_VERSIONS: CSTAVersion = ['versionFive'];

/** The AARQ a session sends for `mode`. */
export function buildAarq(mode: AcseMode): AarqPdu {
  const versions = mode.versions ?? DEFAULT_CSTA_VERSIONS;
  const aarq = {
    pdu: 'aarq',
    'application-context-name': mode.applicationContext ?? CSTA_APPLICATION_CONTEXT,
    ...(mode.callingAEQualifier === undefined ? {} : { 'calling-AE-qualifier': { 'ae-qualifier-form2': mode.callingAEQualifier } }),
    ...(mode.password === undefined
      ? {}
      : { 'sender-acse-requirements': ['authentication'], 'calling-authentication-value': { charstring: mode.password } }),
    'user-information': [{ encoding: { 'single-ASN1-type': { newDefinition: { cSTAVersion: versions } } } }],
  };
  return aarq as AarqPdu;
}

export type AssociationOutcome =
  | { readonly accepted: true; readonly versions: CSTAVersion | undefined }
  | { readonly accepted: false; readonly reason: string };

/** Reads an AARE: accepted or not, and the CSTA versions the switch chose. */
export function readAare(aare: AarePdu): AssociationOutcome {
  if (aare.result !== 'accepted') {
    const diag = Object.entries(aare['result-source-diagnostic'])[0];
    return { accepted: false, reason: `${String(aare.result)} (${diag === undefined ? 'no diagnostic' : `${diag[0]}: ${String(diag[1])}`})` };
  }
  return { accepted: true, versions: userInfoVersions(aare['user-information']) };
}

/** The CSTA versions in an association's user information, if present. */
export function userInfoVersions(info: AarqPdu['user-information']): CSTAVersion | undefined {
  for (const ext of info ?? []) {
    const enc = ext.encoding as Record<string, unknown>;
    const single = enc['single-ASN1-type'] as Record<string, { cSTAVersion?: CSTAVersion }> | undefined;
    if (single === undefined) continue;
    const def = single.newDefinition ?? single.oldDefinition;
    if (def?.cSTAVersion !== undefined) return def.cSTAVersion;
  }
  return undefined;
}

export const RLRQ: RlrqPdu = { pdu: 'rlrq', reason: 'normal' };
