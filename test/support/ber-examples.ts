/**
 * The example frames of issue 11: BER forms X.690 allows that csta-link once got wrong. `value`
 * is what the Erlang asn1ct oracle decodes each frame to, `canonical` the oracle's re-encoding;
 * test/protocol/ber/conformance.test.ts checks csta-link against them and
 * test/oracle/random.test.ts checks them against the oracle itself.
 */
export const SNAPSHOT_1234 = { snapshotObject: { deviceIdentifier: { dialingNumber: '1234' } } };

export interface Case {
  readonly title: string;
  readonly frame: string;
  readonly value: unknown;
  readonly canonical: string;
}

export const CASES: readonly Case[] = [
  {
    title: 'constructed BIT STRING: every segment has its own unused-bits count (X.690 8.6.4)',
    // monitorStart, requestedMonitorFilter.callControl [0] as two segments: 03 02 00 10 | 03 02 05 20
    frame: 'a1 19 020101 020147 30 11 3003800131 a0 0a a0 08 0302 00 10 0302 05 20',
    value: {
      pdu: 'invoke',
      invokeId: 1,
      operation: 'monitorStart',
      argument: { monitorObject: { deviceObject: { deviceIdentifier: { dialingNumber: '1' } } }, requestedMonitorFilter: { callControl: ['delivered', 'queued'] } },
    },
    canonical: 'a1 14 020101 020147 30 0c 3003800131 a0 05 80 03 05 10 20',
  },
  {
    title: 'segmented character string: segments are tagged OCTET STRING (X.690 8.23.3)',
    // snapshotDevice, dialingNumber [0] IMPLICIT IA5String as two segments 04 02 "12" | 04 02 "34"
    frame: 'a1 14 020101 02014a 30 0c 30 0a a0 08 0402 3132 0402 3334',
    value: { pdu: 'invoke', invokeId: 1, operation: 'snapshotDevice', argument: SNAPSHOT_1234 },
    canonical: 'a1 10 020101 02014a 30 08 30 06 80 04 31323334',
  },
  {
    title: 'ROSE linkedId absent [1] NULL is a value, kept as null (X.880)',
    frame: 'a1 12 020101 8100 02014a 30 08 30 06 80 04 31323334',
    value: { pdu: 'invoke', invokeId: 1, linkedId: null, operation: 'snapshotDevice', argument: SNAPSHOT_1234 },
    canonical: 'a1 12 020101 8100 02014a 30 08 30 06 80 04 31323334',
  },
  {
    title: 'a length field of 5 octets with leading zeros (X.690 8.1.3.5)',
    frame: 'a1 15 020101 02014a 30 0d 30 85 0000000006 80 04 31323334',
    value: { pdu: 'invoke', invokeId: 1, operation: 'snapshotDevice', argument: SNAPSHOT_1234 },
    canonical: 'a1 10 020101 02014a 30 08 30 06 80 04 31323334',
  },
];

