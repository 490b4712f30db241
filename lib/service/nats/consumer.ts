/**
 * Reads a link's events back from its JetStream stream with an ordered consumer (no server-side
 * state to clean up; the client re-creates it from the last sequence it saw when the connection
 * or the server hiccups, so nothing is skipped or repeated).
 *
 * Messages from a deposed instance (a `Csta-Link-Epoch` older than the newest epoch seen) are
 * skipped: after a takeover only the new lease holder speaks for the link.
 */
import { DeliverPolicy } from '@nats-io/jetstream';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { EPOCH_HEADER, isStaleEpoch } from './publisher.js';

/** Where to start reading. */
export type ConsumeFrom = { readonly kind: 'new' } | { readonly kind: 'all' } | { readonly kind: 'sequence'; readonly seq: number };

/** Options of {@link LinkEventConsumer.start}. */
export interface LinkEventConsumerOptions {
  /** The link's stream (stream.ts `streamName`). */
  readonly stream: string;
  /** Subject filter, e.g. `LinkSubjects.pegaEvents`. */
  readonly filter: string;
  /** Default: only events published from now on. */
  readonly from?: ConsumeFrom;
  /** Called for each event, in stream order. A throw is reported to `onError` and reading goes on. */
  readonly onMessage: (msg: JsMsg) => void;
  /** Listener errors and a consumer that stopped. */
  readonly onError?: (error: Error) => void;
  /** Deliver messages of deposed instances too (default false). */
  readonly keepStale?: boolean;
}

/** See the file header. */
export class LinkEventConsumer {
  private readonly messages: ConsumerMessages;
  private readonly loop: Promise<void>;
  private newestEpoch = 0;
  /** Stream sequence of the last message delivered (0 before the first). */
  lastSeq = 0;
  /** Messages skipped because their epoch was stale. */
  skippedStale = 0;

  private constructor(messages: ConsumerMessages, options: LinkEventConsumerOptions) {
    this.messages = messages;
    this.loop = this.run(options);
  }

  /** Creates the ordered consumer and starts delivering. */
  static async start(js: JetStreamClient, options: LinkEventConsumerOptions): Promise<LinkEventConsumer> {
    const from = options.from ?? { kind: 'new' };
    const deliver =
      from.kind === 'new'
        ? { deliver_policy: DeliverPolicy.New }
        : from.kind === 'all'
          ? { deliver_policy: DeliverPolicy.All }
          : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from.seq };
    const consumer = await js.consumers.get(options.stream, { filter_subjects: options.filter, ...deliver });
    const messages = await consumer.consume();
    return new LinkEventConsumer(messages, options);
  }

  private async run(options: LinkEventConsumerOptions): Promise<void> {
    try {
      for await (const m of this.messages) {
        this.lastSeq = m.seq;
        const epochHeader = m.headers?.get(EPOCH_HEADER);
        const epoch = Number(epochHeader);
        if (options.keepStale !== true && isStaleEpoch(epochHeader, this.newestEpoch)) {
          this.skippedStale++;
          continue;
        }
        if (Number.isFinite(epoch) && epoch > this.newestEpoch) this.newestEpoch = epoch;
        try {
          options.onMessage(m);
        } catch (e) {
          options.onError?.(e as Error);
        }
      }
    } catch (e) {
      options.onError?.(e as Error);
    }
  }

  /** Stops reading. */
  async stop(): Promise<void> {
    await this.messages.close();
    await this.loop;
  }
}
