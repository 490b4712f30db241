/**
 * CSTA-media-detached-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) media-detached-event(247) } (ECMA-285).
 */
import { INTEGER, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics } from '../types/call-control.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics, MediaServiceInstanceID, MediaServiceType, MediaStreamID } from '../types/media-services.js';

/** ```asn1
 * MediaDetachedEvent ::= SEQUENCE
 * {	mediaConnection	 		ConnectionID,
 *	mediaDevice 			SubjectDeviceID,
 *	mediaServiceType	 	MediaServiceType,
 *	mediaServiceVersion		INTEGER					OPTIONAL,
 *	mediaServiceInstanceID		[0] IMPLICIT MediaServiceInstanceID 	OPTIONAL,
 *	mediaStreamID 			[1] IMPLICIT MediaStreamID		OPTIONAL,
 *	mediaCallCharacteristics	[2] IMPLICIT MediaCallCharacteristics	OPTIONAL,
 *	callCharacteristics		CallCharacteristics			OPTIONAL,
 *	localConnectionInfo		LocalConnectionState			OPTIONAL,
 *	mediaConnectionInfo	 	[3] IMPLICIT ConnectionInformation	OPTIONAL,
 *	extension			CSTACommonArguments			OPTIONAL }
 * ```
 * Note the singular `extension` (every other event says `extensions`). */
export const MediaDetachedEvent = sequence('MediaDetachedEvent', {
  mediaConnection: ConnectionID,
  mediaDevice: SubjectDeviceID,
  mediaServiceType: MediaServiceType,
  mediaServiceVersion: optional(INTEGER),
  mediaServiceInstanceID: optional(implicit(0, MediaServiceInstanceID)),
  mediaStreamID: optional(implicit(1, MediaStreamID)),
  mediaCallCharacteristics: optional(implicit(2, MediaCallCharacteristics)),
  callCharacteristics: optional(CallCharacteristics),
  localConnectionInfo: optional(LocalConnectionState),
  mediaConnectionInfo: optional(implicit(3, ConnectionInformation)),
  extension: optional(CSTACommonArguments),
});
export type MediaDetachedEvent = Infer<typeof MediaDetachedEvent>;
