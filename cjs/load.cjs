// csta-link is an ES module package. `require('csta-link')` loads it through Node's require(esm)
// where Node has it (20.19+, 22.12+); on a Node without it, this says so instead of Node's
// generic error.
'use strict';

/** The ESM-only error for `entry` (`csta-link` or `csta-link/protocol`), with the underlying cause. */
function esmOnly(entry, cause) {
  return new Error(
    `${entry} is ESM-only and this Node cannot require() ES modules: use \`const m = await import('${entry}')\`, ` +
      `or "type": "module" and \`import ... from '${entry}'\`, or Node 20.19+ / 22.12+ (require(esm))`,
    { cause },
  );
}

/** Loads the built ES module `file` (relative to the package root) for require(). */
function load(entry, file) {
  try {
    return require(`../${file}`);
  } catch (e) {
    if (e !== null && typeof e === 'object' && (e.code === 'ERR_REQUIRE_ESM' || e.code === 'ERR_REQUIRE_ASYNC_MODULE')) throw esmOnly(entry, e);
    throw e;
  }
}

module.exports = { load };
