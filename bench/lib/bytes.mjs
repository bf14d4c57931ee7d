// Byte counting shared by the size tools: gzip -9 as the `gzip` program does it and as zlib does it.
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

/**
 * dist/omneo-widgets.js at most this many bytes gzip -9, enforced by `npm test`. Issue 13 asks for
 * 24,000 B with every capability in and ky on its latest 1.x. Both cannot hold: with ky 1.14.3 the
 * bundle is 25,350 B by `gzip -9` (25,502 B by zlib, which this check also counts); with ky 1.0.1
 * the same source would be 23,644 B (BENCHMARKS.md, "The budget does not fit issue 13's other
 * item"). Until that is decided, this ceiling stops the bundle growing for anything but a fix. It
 * was 25,000 B. Reviews of the shopper-facing behaviour since found bugs whose fixes, each with a
 * test that fails without it, took the bundle from 24,793 B to 25,502 B by zlib: a double click is
 * one redeem, a redeem goes out only for the shopper on screen, a session never keeps another
 * shopper's token, a redeem the API did is reported done, a tier without a name is shown, a page's
 * token is used, and others (BENCHMARKS.md lists each with its cost). The ceiling went to
 * 25,100 B, 25,300 B, 25,400 B and then 25,600 B rather than lose one of them.
 */
export const BUDGET = 25_600;
/** ...and this is what it aims at. */
export const AIM = 21_000;

let gzipBinary;
function hasGzipBinary() {
  if (gzipBinary === undefined) {
    try {
      execFileSync('gzip', ['--version'], { stdio: 'ignore' });
      gzipBinary = true;
    } catch {
      gzipBinary = false;
    }
  }
  return gzipBinary;
}

/** zlib deflate at level 9 (what Vite's report and most Node size tools use). */
export const zlibGzip = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * `gzip -9 -c <name> | wc -c`: the gzip program, with the file name stored in the header as it is
 * when gzip compresses a file. `null` when there is no gzip program.
 */
export function gzipCli(buf, name = 'omneo-widgets.js') {
  if (!hasGzipBinary()) return null;
  // `-c` on stdin stores no name; add what the header would hold (name + NUL) to match `gzip -9 -c file`.
  const out = execFileSync('gzip', ['-9', '-c'], { input: buf, maxBuffer: 64 << 20 });
  return out.length + Buffer.byteLength(name) + 1;
}

/** Every way of counting: raw, zlib -9, gzip -9 (program), and the largest gzip, which budgets use. */
export function measure(buf, name) {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf);
  const zlib = zlibGzip(b);
  const cli = gzipCli(b, name);
  return { raw: b.length, zlib, cli, gzip: Math.max(zlib, cli ?? 0) };
}

export const fmt = (n) => (n == null ? 'n/a' : n.toLocaleString('en-US'));
