/**
 * What makes the simulator sound like one PBX family beyond the wire and the association (those
 * are PbxSimulatorOptions.wire / association / applicationSession): the invoke id on unsolicited
 * events (OpenScape Voice and Avaya DMCC put `9999` on every event), vendor private data on event
 * reports, and Zultys MX's own login and keep-alive messages. `simulatorOptionsForProfile`
 * (lib/simulator/profiles.ts) fills it from a vendor profile.
 */
import { vendorElement, vendorPdu } from '../../protocol/xml/vendor.js';
import type { VendorPdu } from '../../protocol/xml/vendor.js';
import { zultysPasswordHash } from '../session/association-zultys.js';
import type { SimClient } from './client.js';

export interface SimDialectOptions {
  /** Invoke id of every event report (9999 on OpenScape Voice and Avaya DMCC); unset: the client's running ids. */
  readonly eventInvokeId?: number;
  /**
   * Vendor private data added to every event report on an XML wire, as the XML inside
   * `<extensions><privateData><private>` (e.g. `<scx:…>` for OpenScape Voice).
   */
  readonly eventPrivateData?: string | ((eventType: string) => string);
  /** Require Zultys' loginRequest before any CSTA request, with these credentials. */
  readonly zultysLogin?: { readonly userName: string; readonly password: string; readonly extension?: string };
}

/** Counters of the vendor messages a dialect saw. */
export interface DialectCounters {
  logins: number;
  loginFailures: number;
  keepalives: number;
}

function vendor(invokeId: number, root: string, attrs: Record<string, string>, text = ''): VendorPdu {
  return vendorPdu(invokeId, vendorElement(root, attrs, [], text));
}

/** True when `pwd` is the password, plain or as the session's login sends it hashed. */
function passwordMatches(pwd: string, password: string): boolean {
  return pwd === password || pwd === zultysPasswordHash(password);
}

/**
 * Answers a client's vendor message as the dialect's PBX would; returns true when the client is
 * now logged in (the simulator then treats it as associated).
 */
export function answerVendorMessage(dialect: SimDialectOptions, client: SimClient, pdu: VendorPdu, counters: DialectCounters): boolean {
  const id = typeof pdu.invokeId === 'number' ? pdu.invokeId : 0;
  switch (pdu.root) {
    case 'loginRequest': {
      const want = dialect.zultysLogin;
      if (want === undefined) return false;
      const field = (name: string): string => pdu.element.children.find((c) => c.name === name)?.text ?? '';
      if (field('userName') === want.userName && passwordMatches(field('pwd'), want.password)) {
        counters.logins++;
        client.send(vendor(id, 'loginResponce', { sn: 'SIM-MX-0001', ext: want.extension ?? '', userId: `${want.userName}@sim` }));
        return true;
      }
      counters.loginFailures++;
      client.send(vendor(id, 'loginFailed', { Code: '1', sn: 'SIM-MX-0001', apiversion: '3' }, 'Invalid login or password'));
      return false;
    }
    case 'keepalive':
      counters.keepalives++;
      return false;
    default:
      return false;
  }
}

/** Adds the dialect's private data to an event's fields (XML wires only; the caller checks). */
export function withEventPrivateData(fields: Record<string, unknown>, privateXml: string): Record<string, unknown> {
  if (privateXml === '') return fields;
  const ext = (fields.extensions as { privateData?: unknown[] } | undefined) ?? {};
  return { ...fields, extensions: { ...ext, privateData: [...(ext.privateData ?? []), { private: { xml: privateXml } }] } };
}
