// Which source module each byte of a minified bundle came from, read from its source map.
import { zlibGzip } from './bytes.mjs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VAL = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one `mappings` line into [generatedColumn, sourceIndex | -1] segments. */
function* segments(mappings) {
  let line = 0;
  let src = 0;
  for (const text of mappings.split(';')) {
    let col = 0;
    for (const seg of text.split(',')) {
      if (!seg) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = VAL.get(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      col += fields[0];
      if (fields.length > 1) src += fields[1];
      yield [line, col, fields.length > 1 ? src : -1];
    }
    line++;
  }
}

/** The label a source path gets: the npm package (with its subpath) or the src/ file. */
export function label(source) {
  const p = source.replace(/^(\.\.\/)+/, '').replace(/^\/?/, '');
  const nm = p.lastIndexOf('node_modules/');
  return nm >= 0 ? p.slice(nm + 'node_modules/'.length) : p;
}

/** The package a label belongs to: `lit-html`, `@lit/context`, `ky`, or `src` (the library's own). */
export function packageOf(lbl) {
  if (!lbl.includes('/') || lbl.startsWith('src/')) return lbl.startsWith('src/') ? 'src (own code)' : lbl;
  const parts = lbl.split('/');
  return lbl.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * Splits `code` into the byte ranges of each source. Bytes a mapping does not claim (glue such as
 * `export{…}` or whitespace) go to "(unmapped)".
 * @returns {Map<string, {bytes: number, ranges: [number, number][]}>}
 */
export function attribute(code, map) {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const points = [];
  for (const [line, col, src] of segments(map.mappings)) {
    if (line < lineStarts.length) points.push([lineStarts[line] + col, src]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const out = new Map();
  const add = (name, from, to) => {
    if (to <= from) return;
    const e = out.get(name) ?? { bytes: 0, ranges: [] };
    e.bytes += Buffer.byteLength(code.slice(from, to));
    e.ranges.push([from, to]);
    out.set(name, e);
  };
  add('(unmapped)', 0, points[0]?.[0] ?? code.length);
  for (let i = 0; i < points.length; i++) {
    const [from, src] = points[i];
    const to = i + 1 < points.length ? points[i + 1][0] : code.length;
    add(src < 0 ? '(unmapped)' : label(map.sources[src]), from, to);
  }
  return out;
}

/** `code` without the given ranges. */
function without(code, ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of sorted) {
    out += code.slice(at, from);
    at = to;
  }
  return out + code.slice(at);
}

/**
 * For each group (module or package): minified bytes, gzip of its bytes alone, and its marginal gzip
 * cost (the whole bundle's gzip minus the gzip of the bundle without those bytes).
 */
export function costs(code, map, groupBy = (x) => x) {
  const perModule = attribute(code, map);
  const groups = new Map();
  for (const [name, e] of perModule) {
    const g = groupBy(name);
    const acc = groups.get(g) ?? { bytes: 0, ranges: [], modules: [] };
    acc.bytes += e.bytes;
    acc.ranges.push(...e.ranges);
    acc.modules.push(name);
    groups.set(g, acc);
  }
  const total = zlibGzip(Buffer.from(code));
  return [...groups]
    .map(([name, g]) => ({
      name,
      bytes: g.bytes,
      gzipAlone: zlibGzip(
        Buffer.from(
          g.ranges
            .sort((a, b) => a[0] - b[0])
            .map(([f, t]) => code.slice(f, t))
            .join(''),
        ),
      ),
      gzipMarginal: total - zlibGzip(Buffer.from(without(code, g.ranges))),
      modules: g.modules,
    }))
    .sort((a, b) => b.bytes - a.bytes);
}
