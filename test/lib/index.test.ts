/**
 * The public entry names every runtime export of the modules it fronts, so nothing an integrator
 * needs is reachable only by a deep import.
 */
import { expect } from 'chai';
import * as api from '../../lib/index.js';
import * as protocol from '../../protocol/index.js';
import * as simulator from '../../lib/simulator/index.js';
import * as pega from '../../lib/pega/index.js';
import * as gateway from '../../lib/pega/gateway/index.js';
import * as session from '../../lib/session/session.js';
import * as requests from '../../lib/session/requests.js';
import * as errors from '../../lib/session/errors.js';

describe('lib/index.ts public API', () => {
  for (const [name, mod] of Object.entries({ protocol, simulator, pega, gateway, session, requests, errors })) {
    it(`re-exports every runtime export of ${name}`, () => {
      const missing = Object.keys(mod).filter((k) => !(k in api) || (api as Record<string, unknown>)[k] !== (mod as Record<string, unknown>)[k]);
      expect(missing).to.deep.equal([]);
    });
  }
});
