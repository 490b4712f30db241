/** The association strategy of each {@link AssociationMode}. */
import { AcseAssociation } from './association.js';
import { ApplicationSessionAssociation } from './association-application-session.js';
import { NoAssociation, SystemRegisterAssociation } from './association-simple.js';
import { ZultysLoginAssociation } from './association-zultys.js';
import type { AssociationStrategy } from './association-strategy.js';
import type { AssociationMode } from './options.js';

export interface AssociationContext {
  /** Unanswered keep-alives in a row before the link is dropped. */
  readonly keepAliveMisses: number;
}

export function createAssociation(mode: AssociationMode, ctx: AssociationContext): AssociationStrategy {
  switch (mode.kind) {
    case 'acse':
      return new AcseAssociation(mode);
    case 'systemRegister':
      return new SystemRegisterAssociation();
    case 'none':
      return new NoAssociation();
    case 'applicationSession':
      return new ApplicationSessionAssociation(mode, ctx.keepAliveMisses);
    case 'zultysLogin':
      return new ZultysLoginAssociation(mode);
    default: {
      const never: never = mode;
      throw new RangeError(`unknown association mode ${JSON.stringify(never)}`);
    }
  }
}
