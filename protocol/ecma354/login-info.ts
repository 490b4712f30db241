/**
 * Vendor content for `applicationSpecificInfo`: builders for the login elements the vendors
 * document, and the reading of a resumed session's id out of it. All of it is raw XML text
 * ({@link RawXml}); anything else an application needs can be passed as raw XML directly.
 *
 * - Avaya AES DMCC: `<SessionLoginInfo xmlns="http://www.avaya.com/csta">` with `userName`,
 *   `password`, `sessionCleanupDelay` (seconds the server keeps a session whose link dropped) and
 *   `sessionID` (empty, or the id of the session to resume), the children in no namespace.
 * - Unify OpenScape Business: `user` and `password` directly inside applicationSpecificInfo.
 * - Uni-tel: `vendorData:userID`, `vendorData:password`, `vendorData:pbxDomain` (built by
 *   protocol/profiles/unitel.ts).
 */
import { parseXmlDocument } from '../xml/parse.js';
import type { XmlElement } from '../xml/parse.js';
import { escapeText } from '../xml/text.js';
import { nameKey } from '../xml/spellings.js';
import type { RawXml } from './messages.js';

/** Avaya's namespace for its CSTA extensions (SessionLoginInfo, GetDeviceId, ...). */
export const AVAYA_CSTA_NAMESPACE = 'http://www.avaya.com/csta';

export interface AvayaLogin {
  readonly userName: string;
  readonly password: string;
  /** Seconds the server keeps the session (and its monitors) after the link drops. @default 60 */
  readonly sessionCleanupDelay?: number;
}

/** Avaya DMCC SessionLoginInfo; `resumeSessionID` asks to resume that session. */
export function avayaSessionLoginInfo(login: AvayaLogin, resumeSessionID?: string): RawXml {
  const delay = login.sessionCleanupDelay ?? 60;
  const sid = resumeSessionID === undefined || resumeSessionID === '' ? '<sessionID xmlns=""/>' : `<sessionID xmlns="">${escapeText(resumeSessionID)}</sessionID>`;
  return (
    `<SessionLoginInfo xmlns="${AVAYA_CSTA_NAMESPACE}">` +
    `<userName xmlns="">${escapeText(login.userName)}</userName>` +
    `<password xmlns="">${escapeText(login.password)}</password>` +
    `<sessionCleanupDelay xmlns="">${String(Math.trunc(delay))}</sessionCleanupDelay>` +
    sid +
    '</SessionLoginInfo>'
  );
}

/** OpenScape Business login: `<user>` and `<password>`. */
export function openScapeBusinessLoginInfo(login: { readonly user: string; readonly password: string }): RawXml {
  return `<user>${escapeText(login.user)}</user><password>${escapeText(login.password)}</password>`;
}

/** The elements of raw applicationSpecificInfo content, or undefined when it does not parse. */
function elementsOf(raw: RawXml | undefined): readonly XmlElement[] | undefined {
  if (raw === undefined || raw === '') return [];
  try {
    return parseXmlDocument(`<x>${raw}</x>`, { maxFrameSize: 1 << 16, maxDepth: 16 }).root.children;
  } catch {
    return undefined;
  }
}

function find(els: readonly XmlElement[], names: readonly string[], depth: number): XmlElement | undefined {
  const keys = names.map(nameKey);
  for (const e of els) if (keys.includes(nameKey(e.name))) return e;
  if (depth <= 1) return undefined;
  for (const e of els) {
    const hit = find(e.children, names, depth - 1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The id of the session a StartApplicationSession asks to resume (Avaya `SessionLoginInfo/sessionID`), if any. */
export function resumeSessionIDOf(applicationSpecificInfo: RawXml | undefined): string | undefined {
  const els = elementsOf(applicationSpecificInfo);
  if (els === undefined) return undefined;
  const sid = find(els, ['sessionID'], 2);
  return sid === undefined || sid.text === '' ? undefined : sid.text;
}

/** User name and password in vendor login content (Avaya userName, OpenScape Business user, Uni-tel userID). */
export function loginCredentialsOf(applicationSpecificInfo: RawXml | undefined): { user: string; password: string } | undefined {
  const els = elementsOf(applicationSpecificInfo);
  if (els === undefined) return undefined;
  const user = find(els, ['userName', 'user', 'userID'], 2);
  const password = find(els, ['password'], 2);
  return user === undefined || password === undefined ? undefined : { user: user.text, password: password.text };
}
