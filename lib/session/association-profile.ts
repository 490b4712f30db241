/**
 * A vendor profile's application session (protocol/profiles) as the `applicationSession`
 * association mode, with the application's credentials put in the vendor's login content.
 */
import type { ProfileAssociation } from '../../protocol/profiles/profile.js';
import { avayaSessionLoginInfo, openScapeBusinessLoginInfo, unitelVendorDataLoginInfo } from '../../protocol/ecma354/login-info.js';
import type { ApplicationSessionMode } from './options.js';

/** What a vendor login needs; `pbxDomain` only for Uni-tel. */
export interface ApplicationSessionCredentials {
  readonly user: string;
  readonly password: string;
  readonly pbxDomain?: string;
  /** Avaya: seconds the server keeps a session whose link dropped. @default 60 */
  readonly sessionCleanupDelay?: number;
}

/** Thrown when a profile's login needs credentials (or a pbxDomain) that were not given. */
export class MissingCredentialsError extends Error {
  readonly code = 'MISSING_CREDENTIALS';
  constructor(message: string) {
    super(message);
    this.name = 'MissingCredentialsError';
  }
}

type ProfileSession = Extract<ProfileAssociation, { kind: 'applicationSession' }>;

/** The association mode of a profile's application session (resume and transfer as the profile says). */
export function applicationSessionModeOf(profile: ProfileSession, credentials?: ApplicationSessionCredentials, applicationID?: string): ApplicationSessionMode {
  const need = (): ApplicationSessionCredentials => {
    if (credentials === undefined) throw new MissingCredentialsError(`the ${profile.login} login needs a user and a password`);
    return credentials;
  };
  let loginInfo: ApplicationSessionMode['loginInfo'];
  switch (profile.login) {
    case 'avaya-session-login-info': {
      const c = need();
      const login = { userName: c.user, password: c.password, ...(c.sessionCleanupDelay === undefined ? {} : { sessionCleanupDelay: c.sessionCleanupDelay }) };
      loginInfo = (resume) => avayaSessionLoginInfo(login, resume);
      break;
    }
    case 'openscape-business':
      loginInfo = openScapeBusinessLoginInfo(need());
      break;
    case 'unitel-vendor-data': {
      const c = need();
      if (c.pbxDomain === undefined) throw new MissingCredentialsError('the unitel-vendor-data login needs a pbxDomain');
      loginInfo = unitelVendorDataLoginInfo({ userID: c.user, password: c.password, pbxDomain: c.pbxDomain });
      break;
    }
    case 'none':
      loginInfo = undefined;
      break;
    default: {
      const never: never = profile.login;
      throw new RangeError(`unknown profile login ${String(never)}`);
    }
  }
  return {
    kind: 'applicationSession',
    ...(applicationID === undefined ? {} : { applicationID }),
    ...(loginInfo === undefined ? {} : { loginInfo }),
    protocolVersions: profile.protocolVersions,
    sessionDurationS: profile.sessionDurationS,
    transferMonitors: profile.transferMonitors,
    systemRegister: profile.systemRegister,
  };
}
