/**
 * The association modes without state of their own: `systemRegister` (ECMA-269 System Register
 * as the first request, as OpenScape Voice and snom expect on XML links) and `none` (requests
 * straight away).
 */
import type { CstaPdu } from '../../protocol/pdu.js';
import type { AssociationHost, AssociationResult, AssociationStrategy } from './association-strategy.js';

const NOT_KEPT: AssociationResult = { monitorsKept: false };

/** systemRegister for systemStatus reports, then the link is associated. */
export class SystemRegisterAssociation implements AssociationStrategy {
  readonly kind = 'systemRegister';
  readonly systemStatusKeepAlive = true;

  async associate(host: AssociationHost): Promise<AssociationResult> {
    await host.request('systemRegister', { requestTypes: ['systemStatus'] });
    return NOT_KEPT;
  }

  async release(): Promise<void> {}
  linkLost(): void {}
  deliver(_pdu: CstaPdu): void {}
}

/** No association: the link is usable as soon as it is up. */
export class NoAssociation implements AssociationStrategy {
  readonly kind = 'none';
  readonly systemStatusKeepAlive = true;

  async associate(): Promise<AssociationResult> {
    return NOT_KEPT;
  }

  async release(): Promise<void> {}
  linkLost(): void {}
  deliver(_pdu: CstaPdu): void {}
}
