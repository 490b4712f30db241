/**
 * Performs the `"by": "session"` steps of a simulator scenario with CSTA requests through a
 * {@link CstaSession}, as a CTI application would: answerCall, clearConnection, holdCall,
 * retrieveCall, makeCall, consultationCall, transferCall, conferenceCall, singleStepTransferCall,
 * deflectCall, setAgentState. Used by `csta demo` and scripts/record-traces.ts.
 */
import type { ScenarioStep, StepContext } from '../simulator/scenarios.js';
import type { CstaSession } from '../session/session.js';
import { connectionID, deviceID } from '../session/requests.js';

/** A step the session cannot perform (it has no CSTA request, or its call is unknown). */
export class SessionStepError extends Error {
  readonly code = 'SESSION_STEP';
  constructor(message: string) {
    super(message);
    this.name = 'SessionStepError';
  }
}


/** The first `callID` anywhere in a request result (the call the request created). */
function firstCallID(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const rec = value as Record<string, unknown>;
  if (typeof rec.callID === 'string') return rec.callID;
  for (const v of Object.values(rec)) {
    const found = firstCallID(v);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The `session` option of `PbxSimulator.runScenario` for `session`. */
export function sessionStepPerformer(session: CstaSession): (step: ScenarioStep, context: StepContext) => Promise<string | void> {
  return async (step, context) => {
    const call = (): string => {
      if (context.targetCallID === undefined) throw new SessionStepError(`${step.step}: no call to act on`);
      return context.targetCallID;
    };
    switch (step.step) {
      case 'answer':
        await session.answerCall({ callToBeAnswered: connectionID(call(), step.device) });
        return;
      case 'hangup':
        await session.clearConnection({ connectionToBeCleared: connectionID(call(), step.device) });
        return;
      case 'hold':
        await session.holdCall({ callToBeHeld: connectionID(call(), step.device) });
        return;
      case 'retrieve':
        await session.retrieveCall({ callToBeRetrieved: connectionID(call(), step.device) });
        return;
      case 'dial':
        return firstCallID(await session.makeCall({ callingDevice: deviceID(step.from), calledDirectoryNumber: deviceID(step.to) }));
      case 'consult':
        return firstCallID(await session.consultationCall({ existingCall: connectionID(context.callID(step.call), step.device), consultedDevice: deviceID(step.to) }));
      case 'transfer':
        return firstCallID(
          await session.transferCall({ heldCall: connectionID(context.callID(step.held), step.device), activeCall: connectionID(context.callID(step.active), step.device) }),
        );
      case 'conference':
        await session.conferenceCall({ heldCall: connectionID(context.callID(step.held), step.device), activeCall: connectionID(context.callID(step.active), step.device) });
        return;
      case 'singleStepTransfer':
        return firstCallID(await session.singleStepTransferCall({ activeCall: connectionID(context.callID(step.call), step.device), transferredTo: deviceID(step.to) }));
      case 'deflect':
        await session.deflectCall({ callToBeDiverted: connectionID(call(), step.device), newDestination: deviceID(step.to) });
        return;
      case 'agent':
        await session.setAgentState({
          device: deviceID(step.device),
          requestedAgentState: step.state,
          ...(step.agentId !== undefined ? { agentID: step.agentId } : {}),
          ...(step.group !== undefined ? { group: deviceID(step.group) } : {}),
        });
        return;
      case 'inbound':
      case 'noAnswer':
      case 'busy':
      case 'waitFor':
      case 'wait':
        throw new SessionStepError(`${step.step} is a switch-side step`);
      default: {
        const never: never = step;
        throw new SessionStepError(`unknown step ${JSON.stringify(never)}`);
      }
    }
  };
}
