/**
 * Zultys MX login: the link carries CSTA without association, but the MX accepts requests only
 * after its own `loginRequest` (attributes type/platform/version, children `userName` and `pwd`,
 * the password as base64 of its SHA-1 plus a newline, or plain text) has been answered with
 * `loginResponce` (Zultys' spelling; attributes sn, ext, userId) for the same invoke id, or
 * refused with `loginFailed` (attribute Code, the reason as text). The MX drops links that stay
 * silent, so a `<keepalive/>` goes out every minute. Facts from mdigger/mxproxy csta/login.go and
 * mx/conn.go, Connector73/BaseCSTA Messenger.cs (see docs/profiles.md).
 */
import { createHash } from 'node:crypto';
import type { CstaPdu } from '../../protocol/pdu.js';
import { vendorElement, vendorPdu } from '../../protocol/xml/vendor.js';
import type { VendorElement } from '../../protocol/xml/vendor.js';
import type { AssociationHost, AssociationResult, AssociationStrategy } from './association-strategy.js';
import { ConnectionClosedError } from './errors.js';
import type { ZultysLoginMode } from './options.js';

/** Default interval of the `<keepalive/>` messages. */
export const ZULTYS_KEEPALIVE_MS = 60_000;

/** The `pwd` the MX expects first: base64 of the password's SHA-1, then a newline. */
export function zultysPasswordHash(password: string): string {
  return createHash('sha1').update(password, 'utf8').digest('base64') + '\n';
}

/** The loginRequest element. */
export function zultysLoginRequest(mode: ZultysLoginMode): VendorElement {
  const pwd = mode.hashPassword === false ? mode.password : zultysPasswordHash(mode.password);
  const attrs = { type: mode.loginType ?? 'User', platform: mode.platform ?? 'csta-link', version: mode.version ?? '1.0' };
  return vendorElement('loginRequest', attrs, [
    ['userName', mode.userName],
    ['pwd', pwd],
  ]);
}

/** Zultys' login, and its keep-alive. */
export class ZultysLoginAssociation implements AssociationStrategy {
  readonly kind = 'zultysLogin';
  readonly systemStatusKeepAlive = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** What the MX said about the logged-in user (`sn`, `ext`, `userId` attributes). */
  user: Readonly<Record<string, string>> | undefined;

  constructor(private readonly mode: ZultysLoginMode) {}

  async associate(host: AssociationHost): Promise<AssociationResult> {
    const answer = await host.vendorRequest(zultysLoginRequest(this.mode));
    if (answer.root !== 'loginResponce' && answer.root !== 'loginResponse') {
      const why = answer.element.text.trim() || `code ${answer.element.attrs.Code ?? '?'}`;
      throw new ConnectionClosedError(`Zultys login refused (${answer.root}): ${why}`);
    }
    this.user = answer.element.attrs;
    const every = this.mode.keepAliveMs ?? ZULTYS_KEEPALIVE_MS;
    if (every > 0) {
      this.timer = setInterval(() => {
        host.link()?.send(vendorPdu(0, vendorElement('keepalive')));
      }, every);
      this.timer.unref?.();
    }
    return { monitorsKept: false };
  }

  async release(): Promise<void> {
    this.linkLost();
  }

  linkLost(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  deliver(_pdu: CstaPdu): void {}
}
