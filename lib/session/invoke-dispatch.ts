/**
 * Operations the switch invokes on the session: event reports (routed to their monitor and the
 * call model), systemStatus (answered: the switch's keep-alive), snapshotDeviceData segments
 * (collected for the snapshotDevice they belong to), and whatever the application registered a
 * handler for (routeRequest, escape...). Anything else is refused.
 */
import type { CstaPdu } from '../../protocol/pdu.js';
import type { InvokePdu, KnownInvoke } from '../../protocol/rose/pdu.js';
import { operationByName } from '../../protocol/csta/operations.js';
import type { OperationName } from '../../protocol/csta/operations.js';
import type { CSTAEventReportArgument } from '../../protocol/csta/events/event-report.js';
import type { SnapshotDeviceDataArgument } from '../../protocol/csta/services/snapshot-device-data.js';
import { RemoteOperationError } from './errors.js';
import { flattenEvent } from './events.js';
import type { CstaEvent } from './events.js';
import type { InvokeHandler } from './session-types.js';
import type { SnapshotDataCollector } from './snapshot-collector.js';

/** Sends an answer on the link the invoke came in on (dropped once that link is gone). */
export type Reply = (pdu: CstaPdu) => void;

/** What the dispatcher needs from the session. */
export interface InvokeDispatchHost {
  /** True over CSTA-XML, which has no ROSE reject. */
  readonly xml: boolean;
  /** An event report arrived, flattened: route it to its monitor and the model. */
  eventReport(event: CstaEvent): void;
  readonly snapshots: SnapshotDataCollector;
}

/** Dispatches invokes from the switch; holds the application's handlers. */
export class InvokeDispatcher {
  private readonly handlers = new Map<string, InvokeHandler<OperationName>>();

  constructor(private readonly host: InvokeDispatchHost) {}

  /** Registers (or replaces) the handler for an operation the switch invokes. */
  handle<N extends OperationName>(operation: N, handler: InvokeHandler<N>): void {
    this.handlers.set(operation, handler as unknown as InvokeHandler<OperationName>);
  }

  /** Handles one invoke; answers, if any, go through `reply`. */
  dispatch(pdu: InvokePdu, reply: Reply): void {
    switch (pdu.operation) {
      case 'cSTAEventReport':
        this.host.eventReport(flattenEvent(pdu.argument as CSTAEventReportArgument));
        return;
      case 'systemStatus':
        reply({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'systemStatus', result: { noData: null } });
        return;
      case 'snapshotDeviceData':
        // ALWAYS RESPONDS FALSE: no answer, whether the segment was expected or not.
        this.host.snapshots.add(pdu.argument as SnapshotDeviceDataArgument);
        return;
      default:
        this.toHandler(pdu, reply);
    }
  }

  private toHandler(pdu: InvokePdu, reply: Reply): void {
    const handler = pdu.operation === 'unknown' ? undefined : this.handlers.get(pdu.operation);
    if (handler === undefined) {
      this.refuse(pdu, reply);
      return;
    }
    const operation = pdu.operation as OperationName;
    Promise.resolve()
      .then(() => handler((pdu as KnownInvoke).argument as never, pdu))
      .then((result) => {
        if (result === undefined) return;
        reply({ pdu: 'returnResult', invokeId: pdu.invokeId, operation, result } as CstaPdu);
      })
      .catch((e: unknown) => {
        const failure = e instanceof RemoteOperationError && e.failure !== undefined ? e.failure : { operation: 'generic' as const };
        reply({ pdu: 'returnError', invokeId: pdu.invokeId, error: 'universalFailure', parameter: failure } as CstaPdu);
      });
  }

  /**
   * An invoke nobody handles. Operations that have no result (routeEndRequest, routeUsedRequest...)
   * expect no answer and are dropped; others are rejected (BER) or, since CSTA-XML has no reject,
   * answered with universalFailure serviceNotSupported.
   */
  private refuse(pdu: InvokePdu, reply: Reply): void {
    if (pdu.operation !== 'unknown' && operationByName(pdu.operation)?.result === undefined) return;
    if (this.host.xml) {
      reply({ pdu: 'returnError', invokeId: pdu.invokeId, error: 'universalFailure', parameter: { operation: 'serviceNotSupported' } } as CstaPdu);
      return;
    }
    reply({ pdu: 'reject', invokeId: pdu.invokeId, problem: { invoke: 'unrecognizedOperation' } });
  }
}

