#!/usr/bin/env node
/** Fails when custom-elements.json, or what is generated from it (typings, README's API reference), is out of date with src/. */
import { execSync } from 'node:child_process';

const generated = ['custom-elements.json', 'types', 'README.md'];
execSync('npm run --silent analyze', { stdio: 'inherit' });
const diff = execSync(`git status --porcelain -- ${generated.join(' ')}`)
  .toString()
  .trim();
if (diff) {
  console.error(
    `\nThe manifest is out of date with the source: run \`npm run analyze\` and commit.\n${diff}\n${execSync(`git diff --stat -- ${generated.join(' ')}`)}`,
  );
  process.exit(1);
}
console.log('custom-elements.json is up to date with src/.');
