// Named checks for the test scripts that drive a page (scripts/e2e.mjs, scripts/shopify-test.mjs):
// each prints `✓ name`, or `✗ name` with the first lines of what went wrong, and the run ends with
// the `N passed, N failed` line that scripts/test.mjs and CI read.

export const tally = { passed: 0, failed: 0 };

/** Runs one named check; a throw fails it, and the next check still runs. */
export async function check(name, fn) {
  try {
    await fn();
    tally.passed++;
    console.log(`✓ ${name}`);
  } catch (e) {
    tally.failed++;
    console.log(
      `✗ ${name}\n    ${String(e.message ?? e)
        .split('\n')
        .slice(0, 8)
        .join('\n    ')}`,
    );
  }
}

/** Fails unless `actual` and `expected` are the same as JSON. */
export function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** The count line, e.g. `12 passed, 0 failed`. */
export const summary = () => `${tally.passed} passed, ${tally.failed} failed`;
