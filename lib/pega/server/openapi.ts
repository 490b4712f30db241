/**
 * The OpenAPI 3.1 description of the server-side API (PegaServerApi), served at
 * GET <prefix>/openapi.json and written to docs/openapi/pega-server.json. Written by hand, apart
 * from routes.ts: a test checks that both list the same routes and body fields.
 */

type Schema = { readonly [key: string]: unknown };

const str = (maxLength: number, description: string, extra: Schema = {}): Schema => ({ type: 'string', maxLength, description, ...extra });
const callId = str(64, 'The call (pyCallID).');
const callIdOptional = str(64, 'The call (pyCallID); when absent the ringing (answerCall) or only (hangUpCall) call is used.');
const destination = str(64, 'The number to call.');
const callData = str(4096, 'Call data sent with the call (UUI).');
const reasonCode = str(64, 'NotReady or Logout reason code.');
const workMode = str(32, 'Pega work mode; AFTER_CALL_WORK (server-side spelling) means ACW.', {
  enum: ['MODE_NONE', 'MODE_AUTO_IN', 'MODE_MANUAL_IN', 'ACW', 'BUSY', 'AUX_WORK', 'AFTER_CALL_WORK'],
});
const consultCallId = str(64, 'The consultation call (default: the one made from callId).');

const body = (properties: Readonly<Record<string, Schema>>, required: readonly string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...(required.length === 0 ? {} : { required }),
});

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema): Schema => ({ content: { 'application/json': { schema } } });
const failure = (description: string): Schema => ({ description, ...json(ref('Failure')) });

/** The answers every authenticated operation can give besides its success. */
const FAILURES: Schema = {
  '400': failure('A body or path field is missing, of the wrong type, too long, unknown or holds a control character (error.field names it), or the body is not JSON.'),
  '401': { ...failure('No bearer token, or one the authenticator refuses.'), headers: { 'WWW-Authenticate': { schema: { type: 'string' } } } },
  '403': failure('The token may not act for this agent, or the switch refused the privilege (OPENCTI_HTTP_ERROR_401).'),
  '404': failure('The switch does not know the call or connection (OPENCTI_HTTP_ERROR_404).'),
  '409': failure('Refused in the current telephony state (e.g. OPENCTI_AGENT_NOT_LOGGED_IN, OPENCTI_AGENT_LOGGED_IN, OPENCTI_IN_SAME_STATE, OPENCTI_CF_INVALID_OBJECT_STATE, OPENCTI_DEST_BUSY).'),
  '413': failure('The body is larger than the configured bound.'),
  '415': failure('The body is not application/json.'),
  '422': failure('The switch could not carry out the request (OPENCTI_CF_GENERIC_OPERATION, OPENCTI_CF_INVALID_DESTINATION).'),
  '503': failure('The CTI link is down or busy (OPENCTI_HTTP_ERROR_503), the subscription bound is reached, or too many requests are in progress (Retry-After).'),
  '504': failure('The switch did not answer in time (OPENCTI_HTTP_ERROR_504).'),
};

const agentParam = { name: 'agentId', in: 'path', required: true, description: 'The agent ID at the ACD.', schema: { type: 'string', pattern: '^[A-Za-z0-9._@+*#-]{1,64}$' } };
const dnParam = { name: 'dn', in: 'path', required: true, description: 'The device number (extension).', schema: { type: 'string', pattern: '^[A-Za-z0-9._@+*#-]{1,64}$' } };

function post(operationId: string, summary: string, requestBody: Schema | undefined, ok: Schema = ref('Ok')): Schema {
  return {
    post: {
      operationId,
      summary,
      security: [{ bearer: [] }],
      ...(requestBody === undefined ? {} : { requestBody: { required: false, ...json(requestBody) } }),
      responses: { '200': { description: 'Done.', ...json(ok) }, ...FAILURES },
    },
  };
}

const agent = (name: string): string => `/api/agents/{agentId}/${name}`;

/** The OpenAPI document. */
export const PEGA_SERVER_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'csta-link Pega Call server-side API',
    version: '1.0.0',
    description:
      'Requests of the Pega Call OpenCTI server-side integration (LoginAgent, LogoutAgent, agent state, call control, SubscribeForEvents, UnSubscribeForEvents), carried out on a CSTA switch. Every answer is OpenCTI’s result object: { ok: true } or { ok: false, errCode, errMessage }. Events go the other way, POSTed to a Pega service (docs/pega-server.md).',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from the static table, or one the configured verify callback accepts (e.g. a JWT).' } },
    schemas: {
      Ok: { type: 'object', required: ['ok'], properties: { ok: { const: true }, callId: { type: 'string', description: 'The new or affected call.' } } },
      Failure: {
        type: 'object',
        required: ['ok', 'errCode', 'errMessage'],
        properties: {
          ok: { const: false },
          errCode: { type: 'string', pattern: '^OPENCTI_', description: 'OpenCTI error code (Pega’s error message rules translate it).' },
          errMessage: { type: 'string' },
          error: {
            type: 'object',
            description: 'Present when the API refused the request before it reached the switch.',
            required: ['type'],
            properties: {
              type: { enum: ['badRequest', 'invalidJson', 'bodyTooLarge', 'unsupportedMediaType', 'unauthorized', 'forbidden', 'notFound', 'methodNotAllowed', 'unavailable'] },
              field: { type: 'string', description: 'The field at fault; (body) for the body as a whole.' },
            },
          },
        },
      },
      Snapshot: {
        type: 'object',
        required: ['ok', 'snapshot'],
        properties: { ok: { const: true }, snapshot: { type: 'object', description: 'A SnapshotEvent as ChannelServices-Event-CTILink properties (docs/pega-server.md).' } },
      },
    },
  },
  paths: {
    '/api/openapi.json': {
      get: { operationId: 'getOpenApi', summary: 'This description (no token needed).', responses: { '200': { description: 'The OpenAPI document.', ...json({ type: 'object' }) } } },
    },
    [agent('login')]: {
      parameters: [agentParam],
      ...post(
        'login',
        'LoginAgent: monitor the extension, log the agent on at the ACD, subscribe the extension; a Snapshot event follows.',
        body({
          extension: str(64, 'The DN the agent logs in at.'),
          password: str(256, 'The agent password at the ACD.'),
          reasonCode: str(64, 'Log in NotReady with this reason code.'),
          workMode,
          queue: str(64, 'The ACD queue (group, split, skill) to log in to (Pega LoginAgent’s Queue); default the link’s acdGroup.'),
        }, ['extension']),
      ),
    },
    [agent('logout')]: { parameters: [agentParam], ...post('logout', 'LogoutAgent: log the agent off and stop monitoring; a Logout Snapshot follows.', body({ reasonCode })) },
    [agent('agentReady')]: { parameters: [agentParam], ...post('agentReady', 'SetAgentReady.', body({ workMode })) },
    [agent('agentNotReady')]: { parameters: [agentParam], ...post('agentNotReady', 'SetAgentNotReady, with a reason code; workMode ACW for after-call work.', body({ reasonCode, workMode })) },
    [agent('answerCall')]: { parameters: [agentParam], ...post('answerCall', 'Answer the ringing call.', body({ callId: callIdOptional })) },
    [agent('holdCall')]: { parameters: [agentParam], ...post('holdCall', 'Hold a call.', body({ callId }, ['callId'])) },
    [agent('retrieveCall')]: { parameters: [agentParam], ...post('retrieveCall', 'Take a held call back.', body({ callId }, ['callId'])) },
    [agent('hangUpCall')]: { parameters: [agentParam], ...post('hangUpCall', 'Clear the agent’s connection to the call.', body({ callId: callIdOptional })) },
    [agent('makeCall')]: { parameters: [agentParam], ...post('makeCall', 'Place a call.', body({ destination, callData }, ['destination'])) },
    [agent('sendDTMF')]: { parameters: [agentParam], ...post('sendDTMF', 'Send DTMF digits on a call.', body({ callId, digits: str(64, 'DTMF digits to send.') }, ['callId', 'digits'])) },
    [agent('consultationCall')]: { parameters: [agentParam], ...post('consultationCall', 'Hold the call and call a consultation party.', body({ callId, destination, callData }, ['callId', 'destination'])) },
    [agent('conferenceInitiate')]: { parameters: [agentParam], ...post('conferenceInitiate', 'Start a conference: consultation call to the party to add.', body({ callId, destination, callData }, ['callId', 'destination'])) },
    [agent('conferenceComplete')]: { parameters: [agentParam], ...post('conferenceComplete', 'Join the held call and the consultation call.', body({ callId, consultCallId }, ['callId'])) },
    [agent('transferInitiate')]: { parameters: [agentParam], ...post('transferInitiate', 'Start a warm transfer: consultation call to the target.', body({ callId, destination, callData }, ['callId', 'destination'])) },
    [agent('transferComplete')]: { parameters: [agentParam], ...post('transferComplete', 'Complete the transfer: connect the held call to the consultation party.', body({ callId, consultCallId }, ['callId'])) },
    [agent('blindTransfer')]: { parameters: [agentParam], ...post('blindTransfer', 'Single-step transfer.', body({ callId, destination, callData }, ['callId', 'destination'])) },
    [agent('dropParty')]: { parameters: [agentParam], ...post('dropParty', 'Drop one party from a call.', body({ callId, party: str(64, 'The DN of the party to drop.') }, ['callId', 'party'])) },
    [agent('snapshot')]: { parameters: [agentParam], ...post('snapshot', 'Synchronise: a fresh Snapshot (also pushed as an event).', undefined, ref('Snapshot')) },
    '/api/devices/{dn}/subscribe': {
      parameters: [dnParam],
      ...post('subscribeForEvents', 'SubscribeForEvents: events of this DN are pushed to Pega.', body({ agentId: str(64, 'The agent logged in at the DN.'), agentPassword: str(256, 'Accepted for Pega’s SubscribeForEvents signature; not needed for monitoring.') })),
    },
    '/api/devices/{dn}/unsubscribe': {
      parameters: [dnParam],
      ...post('unSubscribeForEvents', 'UnSubscribeForEvents: stop pushing events of this DN.', body({ agentId: str(64, 'The agent that subscribed.') })),
    },
  },
} as const;
