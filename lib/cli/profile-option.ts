/**
 * `--profile NAME` of decode and simulate: a vendor profile's framing and XML reading for the CLI
 * (protocol/profiles; `csta decode --profile unitel` reads Uni-tel's NUL-terminated documents
 * declared UTF-16), and the help line that lists the names.
 */
import { InvalidArgumentError, Option } from 'commander';
import { VENDOR_PROFILE_NAMES, vendorProfile } from '../../protocol/profiles/index.js';
import type { VendorProfile } from '../../protocol/profiles/index.js';
import type { CliFraming } from './frames.js';

/** The commander option. */
export function profileOption(): Option {
  return new Option('--profile <name>', `read and speak as this PBX family: ${VENDOR_PROFILE_NAMES.join(', ')}`).argParser(parseProfile);
}

function parseProfile(value: string): string {
  if (vendorProfile(value) === undefined) throw new InvalidArgumentError(`unknown profile; one of ${VENDOR_PROFILE_NAMES.join(', ')}`);
  return value;
}

/** The CLI framing name of a profile's framing. */
export function cliFramingOf(profile: VendorProfile): CliFraming {
  switch (profile.framing) {
    case 'header':
      return 'xml-header';
    case 'plain':
      return 'xml';
    case 'nul':
      return 'xml-nul';
    default:
      return profile.framing;
  }
}
