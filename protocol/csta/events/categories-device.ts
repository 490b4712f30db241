/**
 * Event categories of CSTA-event-report-definitions for devices (physical, logical, maintenance,
 * voice unit, vendor). INTERIM: alternatives are being transcribed; until then every event of
 * these categories is kept raw (`$unknown`) by the extensible CHOICEs, nothing is lost.
 */
import { choice } from '../../schema/index.js';
import type { ChoiceCodec, UnknownAlternative } from '../../schema/index.js';

type Pending = UnknownAlternative;
export type PhysicalDeviceFeatureEvents = Pending;
export type LogicalDeviceFeatureEvents = Pending;
export type DeviceMaintenanceEvents = Pending;
export type VoiceUnitEvents = Pending;
export type VendorSpecEvents = Pending;
export const PhysicalDeviceFeatureEvents: ChoiceCodec<PhysicalDeviceFeatureEvents> = choice('PhysicalDeviceFeatureEvents', {}, { extensible: true });
export const LogicalDeviceFeatureEvents: ChoiceCodec<LogicalDeviceFeatureEvents> = choice('LogicalDeviceFeatureEvents', {}, { extensible: true });
export const DeviceMaintenanceEvents: ChoiceCodec<DeviceMaintenanceEvents> = choice('DeviceMaintenanceEvents', {}, { extensible: true });
export const VoiceUnitEvents: ChoiceCodec<VoiceUnitEvents> = choice('VoiceUnitEvents', {}, { extensible: true });
export const VendorSpecEvents: ChoiceCodec<VendorSpecEvents> = choice('VendorSpecEvents', {}, { extensible: true });
