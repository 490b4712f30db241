/**
 * CSTA-event-report-definitions { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) event-report-definitions(21) }: the one operation that carries every event.
 */
import { choice, explicit, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { MonitorCrossRefID } from '../types/status-reporting.js';
import { CallAssociatedEvents, CallControlEvents, MediaAttachmentEvents } from './categories-call.js';
import { DeviceMaintenanceEvents, LogicalDeviceFeatureEvents, PhysicalDeviceFeatureEvents, VendorSpecEvents, VoiceUnitEvents } from './categories-device.js';

/** ```asn1
 * EventSpecificInfo ::= CHOICE
 * {	callControlEvents		[ 0] CallControlEvents,
 *	callAssociatedEvents		[ 1] CallAssociatedEvents,
 *	mediaAttachmentEvents		[ 2] MediaAttachmentEvents,
 *	physicalDeviceFeatureEvents	[ 3] PhysicalDeviceFeatureEvents,
 *	logicalDeviceFeatureEvents	[ 4] LogicalDeviceFeatureEvents,
 *	deviceMaintenanceEvents		[ 5] DeviceMaintenanceEvents,
 *	voiceUnitEvents			[ 6] VoiceUnitEvents,
 *	vendorSpecEvents		[ 7] VendorSpecEvents }
 * ```
 * Extensible: a category this schema does not know is kept as a raw element. */
export const EventSpecificInfo = choice(
  'EventSpecificInfo',
  {
    callControlEvents: explicit(0, CallControlEvents),
    callAssociatedEvents: explicit(1, CallAssociatedEvents),
    mediaAttachmentEvents: explicit(2, MediaAttachmentEvents),
    physicalDeviceFeatureEvents: explicit(3, PhysicalDeviceFeatureEvents),
    logicalDeviceFeatureEvents: explicit(4, LogicalDeviceFeatureEvents),
    deviceMaintenanceEvents: explicit(5, DeviceMaintenanceEvents),
    voiceUnitEvents: explicit(6, VoiceUnitEvents),
    vendorSpecEvents: explicit(7, VendorSpecEvents),
  },
  { extensible: true },
);
export type EventSpecificInfo = Infer<typeof EventSpecificInfo>;

/** ```asn1
 * CSTAEventReportArgument ::= SEQUENCE
 * {	crossRefIdentifier		MonitorCrossRefID,
 *	eventSpecificInfo		EventSpecificInfo }
 * ``` */
export const CSTAEventReportArgument = sequence('CSTAEventReportArgument', {
  crossRefIdentifier: MonitorCrossRefID,
  eventSpecificInfo: EventSpecificInfo,
});
export type CSTAEventReportArgument = Infer<typeof CSTAEventReportArgument>;

/** ```asn1
 * cSTAEventReport OPERATION ::=
 * {	ARGUMENT		CSTAEventReportArgument
 *	ALWAYS RESPONDS		FALSE
 *	CODE			local:21 }
 * ``` */
export const cSTAEventReport = defineOperation({ name: 'cSTAEventReport', code: 21, argument: CSTAEventReportArgument });
