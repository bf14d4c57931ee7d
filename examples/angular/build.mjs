#!/usr/bin/env node
// @ts-check
/**
 * Builds the Angular example with Angular's own application builder (`@angular/build`, what
 * `ng build` runs), from the options in angular.json, without the Angular CLI:
 *
 *   node examples/angular/build.mjs          # → examples/angular/dist/
 *
 * With the CLI installed (`npm i -D @angular/cli@20`), `npx ng build` in this folder does the same.
 * The Omneo ID API is `OMNEO_BASE_URL` (or `VITE_OMNEO_BASE_URL`, as the other examples read it),
 * defined at build time; else the mock of `npm run mock`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApplication } from '@angular/build';

/**
 * Builds; resolves when done, rejects with the builder's errors.
 * @param {{ baseUrl?: string }} [options]
 */
export async function buildAngularExample({ baseUrl = process.env.OMNEO_BASE_URL ?? process.env.VITE_OMNEO_BASE_URL } = {}) {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const workspace = JSON.parse(readFileSync(`${root}angular.json`, 'utf8'));
  const [project, { architect, ...metadata }] = Object.entries(workspace.projects)[0];
  const options = { ...architect.build.options, define: baseUrl ? { OMNEO_BASE_URL: JSON.stringify(baseUrl) } : {} };
  /** @type {string[]} */
  const errors = [];
  const say = (/** @type {string} */ level) => (/** @type {string} */ message) => {
    if (level === 'error') errors.push(message);
    else if (level === 'warn') console.warn(message);
  };
  // The part of the Architect context that the application builder reads.
  const logger = {
    debug: () => {},
    info: () => {},
    warn: say('warn'),
    error: say('error'),
    fatal: say('error'),
    createChild: () => logger,
  };
  const context = {
    workspaceRoot: root,
    target: { project, target: 'build' },
    logger,
    getProjectMetadata: async () => metadata,
    addTeardown: () => {},
  };
  for await (const result of buildApplication(/** @type {any} */ (options), /** @type {any} */ (context))) {
    if (!result.success) throw new Error(`The Angular build failed:\n${errors.join('\n')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAngularExample();
  console.log('Built examples/angular/dist/');
}
