/**
 * How the call engine reports what happened: one event for one device, the simulator fans it
 * out to that device's monitors (applying their filters and cross references).
 */
import type { KnownCstaEvent } from '../session/events.js';
import type { MonitorFilter } from '../../protocol/csta/types/status-reporting.js';

/** A known event without its cross reference (the monitor adds it). */
export type DeviceEvent = KnownCstaEvent extends infer E ? (E extends KnownCstaEvent ? Omit<E, 'crossRefIdentifier'> : never) : never;

/** Receives the engine's events. `device` is the device whose monitors see the event. */
export interface EventSink {
  report(device: string, event: DeviceEvent): void;
}

const FILTER_KEY: Readonly<Record<string, keyof MonitorFilter>> = {
  callControlEvents: 'callControl',
  callAssociatedEvents: 'callAssociated',
  mediaAttachmentEvents: 'mediaAttachment',
  physicalDeviceFeatureEvents: 'physicalDeviceFeature',
  logicalDeviceFeatureEvents: 'logicalDeviceFeature',
  deviceMaintenanceEvents: 'maintenance',
  voiceUnitEvents: 'voiceUnit',
  vendorSpecEvents: 'private',
};

/**
 * ECMA-269 monitor filters: a set bit filters the event OUT (`{ callControl: ['delivered'] }` means
 * "do not send delivered"). True when the event passes.
 */
export function passesFilter(filter: MonitorFilter | undefined, category: string, type: string): boolean {
  if (filter === undefined) return true;
  const key = FILTER_KEY[category];
  if (key === undefined) return true;
  const bits = filter[key] as readonly string[] | undefined;
  return bits === undefined || !bits.includes(type);
}
