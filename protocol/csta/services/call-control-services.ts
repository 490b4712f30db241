/**
 * Every call-control and call-associated operation (ECMA-285 clauses on Call Control and Call
 * Associated Features, the escape service, and the Phase II callCompletion / divertCall forms).
 * The operation table in `../operations.ts` spreads this list.
 */
import { acceptCall } from './accept-call.js';
import { alternateCall } from './alternate-call.js';
import { answerCall } from './answer-call.js';
import { associateData } from './associate-data.js';
import { callBackMessageNonCallRelated } from './call-back-message-non-call-related.js';
import { callBackMessage } from './call-back-message-call-related.js';
import { callBackNonCallRelated } from './call-back-non-call-related.js';
import { callBack } from './call-back-call-related.js';
import { callCompletion } from './call-completion.js';
import { camponCall } from './camp-on-call.js';
import { cancelTelephonyTones } from './cancel-telephony-tones.js';
import { changeConnectionInformation } from './change-connection-information.js';
import { clearCall } from './clear-call.js';
import { clearConnection } from './clear-connection.js';
import { conferenceCall } from './conference-call.js';
import { consultationCall } from './consultation-call.js';
import { deflectCall } from './deflect-call.js';
import { dialDigits } from './dial-digits.js';
import { directedPickupCall } from './directed-pickup-call.js';
import { divertCall } from './divert-call.js';
import { escape } from './escape-service.js';
import { generateDigits } from './generate-digits.js';
import { generateTelephonyTones } from './generate-telephony-tones.js';
import { groupPickupCall } from './group-pickup-call.js';
import { holdCall } from './hold-call.js';
import { intrudeCall } from './intrude-call.js';
import { joinCall } from './join-call.js';
import { makeCall } from './make-call.js';
import { makePredictiveCall } from './make-predictive-call.js';
import { parkCall } from './park-call.js';
import { reconnectCall } from './reconnect-call.js';
import { retrieveCall } from './retrieve-call.js';
import { sendUserInfo } from './send-user-information.js';
import { singleStepConf } from './single-step-conference.js';
import { singleStepTrans } from './single-step-transfer.js';
import { transferCall } from './transfer-call.js';

export const callControlOperations = [
  alternateCall, // 1
  answerCall, // 2
  callCompletion, // 3 (Phase II)
  clearCall, // 4
  clearConnection, // 5
  conferenceCall, // 6
  consultationCall, // 7
  divertCall, // 8 (Phase II)
  holdCall, // 9
  makeCall, // 10
  makePredictiveCall, // 11
  reconnectCall, // 13
  retrieveCall, // 14
  transferCall, // 16
  parkCall, // 18
  singleStepConf, // 20
  singleStepTrans, // 50
  escape, // 51
  acceptCall, // 214
  callBack, // 215
  callBackMessage, // 216
  camponCall, // 217
  deflectCall, // 218
  dialDigits, // 219
  directedPickupCall, // 220
  groupPickupCall, // 221
  intrudeCall, // 222
  joinCall, // 223
  associateData, // 230
  cancelTelephonyTones, // 231
  generateDigits, // 232
  generateTelephonyTones, // 233
  sendUserInfo, // 234
  callBackNonCallRelated, // 300
  callBackMessageNonCallRelated, // 301
  changeConnectionInformation, // 377
] as const;
