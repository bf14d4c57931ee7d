#!/usr/bin/env node
/**
 * Writes the API reference in README.md (between the `api:start` and `api:end` markers) from
 * custom-elements.json: each element's attributes, properties, events, slots, parts and CSS
 * properties. `--check` fails instead when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url)));
const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const order = ['omneo-provider', 'omneo-points-balance', 'omneo-rewards-list', 'omneo-redeem-button', 'omneo-tier-progress'];

const cell = (s = '') =>
  String(s)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
const code = (s) => (s ? `\`${s}\`` : '');
const table = (head, rows) =>
  rows.length
    ? [
        `| ${head.join(' | ')} |`,
        `|${head.map(() => '---').join('|')}|`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        '',
      ].join('\n')
    : '';

const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => order.indexOf(a.tagName) - order.indexOf(b.tagName));

const out = ['<!-- api:start (generated from custom-elements.json by `npm run analyze`; do not edit) -->', ''];
for (const el of elements) {
  out.push(`### \`<${el.tagName}>\``, '', el.description ?? el.summary ?? '', '');
  const attrs = (el.attributes ?? []).filter((a) => a.name);
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  const props = (el.members ?? []).filter(
    (m) =>
      m.kind === 'field' &&
      !m.static &&
      (m.privacy ?? 'public') === 'public' &&
      !attrFields.has(m.name) &&
      m.description &&
      !m.readonly,
  );
  out.push(
    table(
      ['attribute / property', 'type', 'default', 'meaning'],
      [
        ...attrs.map((a) => [
          `${code(a.name)}${a.fieldName && a.fieldName !== a.name ? ` / ${code(a.fieldName)}` : ''}`,
          code(a.type?.text),
          code(a.default),
          a.description,
        ]),
        ...props.map((p) => [`${code(p.name)} (property)`, code(p.type?.text), code(p.default), p.description]),
      ],
    ),
  );
  out.push(
    table(
      ['event', 'event type', 'when'],
      (el.events ?? []).filter((e) => e.name).map((e) => [code(e.name), code(e.type?.text), e.description]),
    ),
  );
  out.push(
    table(
      ['slot', 'what goes in it'],
      (el.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description]),
    ),
  );
  out.push(
    table(
      ['part', 'what it is'],
      (el.cssParts ?? []).map((p) => [code(p.name), p.description]),
    ),
  );
  out.push(
    table(
      ['CSS custom property', 'what it sets'],
      (el.cssProperties ?? []).map((p) => [code(p.name), p.description]),
    ),
  );
}
out.push('<!-- api:end -->');

const start = readme.indexOf('<!-- api:start');
const end = readme.indexOf('<!-- api:end -->');
if (start < 0 || end < 0) throw new Error('README.md has no api:start / api:end markers');
const next = readme.slice(0, start) + out.join('\n').replace(/\n{3,}/g, '\n\n') + readme.slice(end + '<!-- api:end -->'.length);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error("README.md's API reference is out of date with custom-elements.json: run `npm run analyze`.");
    process.exit(1);
  }
  console.log("README.md's API reference matches custom-elements.json.");
} else writeFileSync(readmeUrl, next);
