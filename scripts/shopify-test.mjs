#!/usr/bin/env node
/**
 * The Shopify theme app extension (integrations/shopify/) as Shopify would render it, then as a
 * customer meets it.
 *
 * 1. Liquid: every block is rendered with liquidjs, given what Shopify gives a block: `customer`,
 *    `shop.metafields.omneo.id_secret`, `request.locale`, `routes`, `block.settings` (each schema's
 *    defaults, or chosen values), and the filters the blocks use (`hmac_sha256`, `asset_url`, `t`
 *    from the extension's locale files). The HTML is read with Chromium's DOMParser.
 * 2. The storefront: a page of the rendered blocks (the app embed last in <body>, as Shopify puts
 *    it), served with the built extension asset (assets/omneo-widgets.js: `npm run build` first),
 *    against the mock Omneo on another origin: a signed-in customer, a guest, and a shop whose
 *    metafield holds the wrong secret.
 *
 *   node scripts/shopify-test.mjs                 the checks; screenshots in test-results/shopify/
 *   node scripts/shopify-test.mjs --screenshot    also writes docs/shopify-blocks.png (the README's picture)
 */
import { createHmac } from 'node:crypto';
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';
import { chromium } from 'playwright-core';
import { startMock } from '../mock/server.js';
import { DEMO_SHOP_SECRET, DEMO_SHOPIFY_CUSTOMER_ID } from '../mock/seed.js';
import { check, expectEqual, summary, tally } from './lib/checks.mjs';

const extension = new URL('../integrations/shopify/', import.meta.url);
const shots = new URL('../test-results/shopify/', import.meta.url);
const picture = new URL('../docs/shopify-blocks.png', import.meta.url);
await mkdir(shots, { recursive: true });

// ---------------------------------------------------------------------------
// Liquid, as Shopify renders an extension's blocks

const readJson = async (path) => JSON.parse(await readFile(new URL(path, extension), 'utf8'));
/** Storefront words (`{{ 'key' | t }}`) by language; `en` is the default file. */
const words = { en: await readJson('locales/en.default.json'), fr: await readJson('locales/fr.json') };
/** Schema words (`t:` keys in schemas), to check that every key has its words. */
const schemaWords = { en: await readJson('locales/en.default.schema.json'), fr: await readJson('locales/fr.schema.json') };

/** `a.b.c` in a nested object, else undefined. */
const lookUp = (tree, key) => key.split('.').reduce((node, part) => node?.[part], tree);

/** The block files, each with its Liquid and its parsed schema. */
const blocks = {};
for (const file of (await readdir(new URL('blocks/', extension))).filter((f) => f.endsWith('.liquid'))) {
  const source = await readFile(new URL(`blocks/${file}`, extension), 'utf8');
  const json = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(source)?.[1];
  blocks[file.replace(/\.liquid$/, '')] = { file, source, schema: json ? JSON.parse(json) : null };
}

/** The settings Shopify gives a block nobody has customised: each schema default, else nothing. */
function defaults(schema) {
  const settings = {};
  for (const s of schema.settings ?? []) if (s.id) settings[s.id] = s.default ?? (s.type === 'checkbox' ? false : null);
  return settings;
}

/** A liquidjs engine with Shopify's globals, filters and tags as far as the blocks use them. */
function shopifyLiquid({
  customer = null,
  secret = DEMO_SHOP_SECRET,
  locale = 'en',
  country = 'AU',
  currency = 'AUD',
  assetBase = '/cdn/extension/assets',
} = {}) {
  const engine = new Liquid({
    partials: fileURLToPath(new URL('snippets/', extension)),
    extname: '.liquid',
    strictFilters: true,
    globals: {
      customer,
      shop: { currency, metafields: { omneo: { id_secret: secret } } },
      request: { locale: { iso_code: locale } },
      localization: { country: { iso_code: country } },
      routes: { account_login_url: '/account/login' },
    },
  });
  // Liquid's hmac_sha256: the input signed with the key, as lowercase hex.
  engine.registerFilter('hmac_sha256', (input, key) =>
    createHmac('sha256', String(key ?? ''))
      .update(String(input))
      .digest('hex'),
  );
  engine.registerFilter('asset_url', (name) => `${assetBase}/${name}`);
  engine.registerFilter('t', (key) => {
    const text = lookUp(words[locale], key) ?? lookUp(words.en, key);
    if (typeof text !== 'string') throw new Error(`no storefront words for '${key}'`);
    return text;
  });
  // {% schema %} renders nothing; its JSON is the theme editor's.
  engine.registerTag('schema', {
    parse(token, remain) {
      while (remain.length) if (remain.shift().name === 'endschema') return;
      throw new Error('{% schema %} without {% endschema %}');
    },
    render() {
      return '';
    },
  });
  return engine;
}

/** One block rendered as Shopify would, with `settings` on top of its defaults. */
function render(name, { settings = {}, ...globals } = {}) {
  const { source, schema } = blocks[name];
  return shopifyLiquid(globals).parseAndRender(source, { block: { settings: { ...defaults(schema), ...settings } } });
}

const customer = { id: Number(DEMO_SHOPIFY_CUSTOMER_ID), email: 'ava.thompson@example.com' };
const hmac = (id, key) => createHmac('sha256', key).update(String(id)).digest('hex');

// ---------------------------------------------------------------------------
// Checks

function expect(condition, what) {
  if (!condition) throw new Error(what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
const parser = await browser.newPage();

/**
 * Rendered HTML as a browser reads it: every omneo-* element with its attributes, the text of its
 * slotted children by slot, its own text, its links; and the scripts.
 */
function parse(html) {
  return parser.evaluate((html) => {
    const doc = new window.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
    const squeeze = (s) => s.replace(/\s+/g, ' ').trim();
    const elements = [...doc.body.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('omneo-'))
      .map((el) => ({
        tag: el.localName,
        attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
        slots: Object.fromEntries([...el.children].filter((c) => c.slot).map((c) => [c.slot, squeeze(c.textContent)])),
        slotted: [...el.querySelectorAll('[slot] *')].map((c) => c.localName),
        links: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        text: squeeze(
          [...el.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent)
            .join(''),
        ),
      }));
    const scripts = [...doc.querySelectorAll('script')].map((s) => ({ type: s.type, src: s.getAttribute('src') }));
    return { elements, scripts };
  }, html);
}
/** The one element of a rendered block. */
async function one(html, tag) {
  const { elements } = await parse(html);
  expectEqual(
    elements.map((e) => e.tag),
    [tag],
    'the elements rendered',
  );
  return elements[0];
}
/** A style attribute as a map of its declarations. */
const styleOf = (el) =>
  Object.fromEntries(
    (el.attrs.style ?? '')
      .split(';')
      .filter((d) => d.trim())
      .map((d) => d.split(':').map((s) => s.trim())),
  );

const SETTING_TYPES = new Set([
  'text',
  'textarea',
  'number',
  'range',
  'checkbox',
  'select',
  'color',
  'header',
  'paragraph',
  'url',
]);

console.log('Liquid: the blocks as Shopify renders them');

for (const [name, { schema }] of Object.entries(blocks)) {
  await check(`${name}: a schema the theme editor accepts, every name and label in English and French`, () => {
    expect(schema, 'no {% schema %}');
    expect(schema.target === (name === 'omneo-embed' ? 'body' : 'section'), `target ${schema.target}`);
    const keys = [schema.name];
    const ids = new Set();
    for (const s of schema.settings) {
      expect(SETTING_TYPES.has(s.type), `setting type ${s.type}`);
      if (s.id) {
        expect(!ids.has(s.id), `setting id ${s.id} twice`);
        ids.add(s.id);
      }
      keys.push(s.label, s.info, s.content, ...(s.options ?? []).map((o) => o.label));
      if (s.type === 'range') {
        const steps = (s.max - s.min) / s.step;
        expect(Number.isInteger(steps) && steps <= 101, `${s.id}: ${steps} steps (Shopify allows 101)`);
        expect(
          s.default >= s.min && s.default <= s.max && (s.default - s.min) % s.step === 0,
          `${s.id}: default ${s.default} off the range`,
        );
      }
      if (s.type === 'select')
        expect(
          s.options.some((o) => o.value === s.default),
          `${s.id}: default ${s.default} is not an option`,
        );
    }
    for (const key of keys.filter(Boolean)) {
      expect(key.startsWith('t:'), `"${key}" is not a t: key`);
      for (const lang of ['en', 'fr'])
        expect(typeof lookUp(schemaWords[lang], key.slice(2)) === 'string', `${key} has no ${lang} words`);
    }
  });
}

await check(
  'app embed, signed-in customer: the bundle from the extension assets as a module, one global provider with the customer id and its HMAC-SHA256 by the shop secret',
  async () => {
    const html = await render('omneo-embed', { customer, settings: { tenant: 'harbour' } });
    const { elements, scripts } = await parse(html);
    expectEqual(scripts, [{ type: 'module', src: '/cdn/extension/assets/omneo-widgets.js' }], 'scripts');
    expectEqual(
      elements.map((e) => e.tag),
      ['omneo-provider'],
      'elements',
    );
    expectEqual(
      elements[0].attrs,
      {
        global: '',
        tenant: 'harbour',
        locale: 'en-AU',
        currency: 'AUD',
        'shopify-customer-id': DEMO_SHOPIFY_CUSTOMER_ID,
        'shopify-signature': hmac(DEMO_SHOPIFY_CUSTOMER_ID, DEMO_SHOP_SECRET),
      },
      'the provider',
    );
    expect(!html.includes(DEMO_SHOP_SECRET), 'the shop secret is in the page');
  },
);

await check('app embed, guest: an empty customer id and no signature', async () => {
  const { elements } = await parse(
    await render('omneo-embed', { customer: null, settings: { tenant: 'harbour' }, locale: 'fr', country: 'CA' }),
  );
  expectEqual(
    elements[0].attrs,
    { global: '', tenant: 'harbour', locale: 'fr-CA', currency: 'AUD', 'shopify-customer-id': '' },
    'the provider',
  );
});

await check("app embed, no currency set: the store's (older API versions do not say the program's)", async () => {
  const el = await one(
    await render('omneo-embed', { customer, currency: 'USD', country: 'US', settings: { tenant: 'harbour' } }),
    'omneo-provider',
  );
  expectEqual([el.attrs.currency, el.attrs.locale], ['USD', 'en-US'], 'currency, locale');
});

await check("app embed, a French storefront: the widgets' French words first, then the bundle", async () => {
  const { scripts } = await parse(
    await render('omneo-embed', { customer, settings: { tenant: 'harbour' }, locale: 'fr', country: 'CA' }),
  );
  expectEqual(
    scripts,
    [
      { type: 'module', src: '/cdn/extension/assets/omneo-widgets-fr.js' },
      { type: 'module', src: '/cdn/extension/assets/omneo-widgets.js' },
    ],
    'scripts',
  );
});

await check('app embed: the storefront language alone when the visitor has no country', async () => {
  const el = await one(
    await render('omneo-embed', { customer, country: null, settings: { tenant: 'harbour' } }),
    'omneo-provider',
  );
  expectEqual(el.attrs.locale, 'en', 'locale');
});

await check(
  'app embed, no secret in the metafield: the customer id with an empty signature (Omneo refuses it: an error, not a guest)',
  async () => {
    const el = await one(
      await render('omneo-embed', { customer, secret: null, settings: { tenant: 'harbour' } }),
      'omneo-provider',
    );
    expectEqual(
      [el.attrs['shopify-customer-id'], el.attrs['shopify-signature']],
      [DEMO_SHOPIFY_CUSTOMER_ID, ''],
      'customer id, signature',
    );
  },
);

await check(
  'app embed: a base URL replaces the tenant; a currency is passed on; a locale with its own region is kept',
  async () => {
    const settings = { tenant: 'harbour', base_url: 'https://api.harbour-staging.getomneo.com/id/api/v1', currency: 'NZD' };
    const el = await one(await render('omneo-embed', { customer, settings, locale: 'pt-BR' }), 'omneo-provider');
    expectEqual(
      [el.attrs['base-url'], el.attrs.tenant, el.attrs.currency, el.attrs.locale],
      [settings.base_url, undefined, 'NZD', 'pt-BR'],
      'base-url, tenant, currency, locale',
    );
  },
);

await check('points balance, defaults: points, the default signed-out words with a sign-in link, no colour set', async () => {
  const el = await one(await render('points-balance'), 'omneo-points-balance');
  expectEqual(
    [el.attrs.kind, 'hide-when-zero' in el.attrs, el.slots],
    ['points', false, { 'signed-out': 'Sign in to see your rewards. Sign in' }],
    'kind, hide-when-zero, slots',
  );
  expectEqual(el.links, ['/account/login'], 'links');
  expectEqual(styleOf(el), { '--omneo-radius': '6px' }, 'style');
});

await check(
  'points balance, customised: kind, hide when zero, label and signed-out words (as text, not markup), colours',
  async () => {
    const settings = {
      kind: 'combined',
      hide_when_zero: true,
      label: 'You have <b>',
      signed_out_text: 'Members see points here.',
      color_value: '#1f5f73',
      color_text: '#222222',
      radius: 0,
    };
    const el = await one(await render('points-balance', { settings }), 'omneo-points-balance');
    expectEqual([el.attrs.kind, el.attrs['hide-when-zero']], ['combined', ''], 'kind, hide-when-zero');
    expectEqual(el.slots, { label: 'You have <b>', 'signed-out': 'Members see points here. Sign in' }, 'slots');
    expectEqual(el.slotted, ['a'], 'elements inside the slots');
    expectEqual(
      styleOf(el),
      { '--omneo-color-text': '#222222', '--omneo-color-value': '#1f5f73', '--omneo-radius': '0px' },
      'style',
    );
  },
);

await check(
  'rewards list: defaults, then source, limit, expiring days, expired items, redeem buttons, empty words and every colour',
  async () => {
    const plain = await one(await render('rewards-list'), 'omneo-rewards-list');
    expectEqual(plain.attrs, { source: 'rewards', 'expiring-days': '14', style: plain.attrs.style }, 'default attributes');
    const settings = {
      source: 'benefits',
      limit: 3,
      expiring_days: 7,
      include_expired: true,
      redeemable: true,
      empty_text: 'Nothing yet',
      color_text: '#000001',
      color_value: '#000002',
      color_surface: '#000003',
      color_border: '#000004',
      color_warning: '#000005',
      color_primary: '#000006',
      color_on_primary: '#000007',
      color_danger: '#000008',
      radius: 10,
      spacing: 16,
    };
    const el = await one(await render('rewards-list', { settings }), 'omneo-rewards-list');
    const { style, ...attrs } = el.attrs;
    expectEqual(
      attrs,
      { source: 'benefits', limit: '3', 'expiring-days': '7', 'include-expired': '', redeemable: '' },
      'attributes',
    );
    expectEqual(el.slots.empty, 'Nothing yet', 'the empty slot');
    expectEqual(
      styleOf(el),
      {
        '--omneo-color-text': '#000001',
        '--omneo-color-value': '#000002',
        '--omneo-color-primary': '#000006',
        '--omneo-color-on-primary': '#000007',
        '--omneo-color-surface': '#000003',
        '--omneo-color-border': '#000004',
        '--omneo-color-warning': '#000005',
        '--omneo-color-danger': '#000008',
        '--omneo-radius': '10px',
        '--omneo-space': '16px',
      },
      'style',
    );
  },
);

await check('redeem button: $10 with confirm by default; a benefit id instead of the amount; its text', async () => {
  const plain = await one(await render('redeem-button'), 'omneo-redeem-button');
  expectEqual(
    [plain.attrs.amount, plain.attrs.confirm, plain.attrs['benefit-id'], plain.text],
    ['10', '', undefined, ''],
    'amount, confirm, benefit-id, text',
  );
  const el = await one(
    await render('redeem-button', { settings: { benefit_id: '201', confirm: false, button_text: 'Use my voucher' } }),
    'omneo-redeem-button',
  );
  expectEqual(
    [el.attrs.amount, el.attrs.confirm, el.attrs['benefit-id'], el.text],
    [undefined, undefined, '201', 'Use my voucher'],
    'amount, confirm, benefit-id, text',
  );
});

await check('tier progress: points by default; dollars, empty words, the bar colour', async () => {
  const plain = await one(await render('tier-progress'), 'omneo-tier-progress');
  expectEqual([plain.attrs.unit, Object.keys(plain.slots)], ['points', ['signed-out']], 'unit, slots');
  const el = await one(
    await render('tier-progress', { settings: { unit: 'dollars', empty_text: 'Shop to join a tier', color_primary: '#c9a227' } }),
    'omneo-tier-progress',
  );
  expectEqual(
    [el.attrs.unit, el.slots.empty, styleOf(el)['--omneo-color-primary']],
    ['dollars', 'Shop to join a tier', '#c9a227'],
    'unit, empty slot, bar colour',
  );
});

await check('a French storefront: the default signed-out words in French', async () => {
  const el = await one(await render('rewards-list', { locale: 'fr' }), 'omneo-rewards-list');
  expectEqual(el.slots['signed-out'], 'Connectez-vous pour voir vos récompenses. Se connecter', 'signed-out words');
});

// ---------------------------------------------------------------------------
// The storefront in Chromium, against the mock Omneo

console.log('\nStorefront: the rendered blocks in Chromium against the mock Omneo');

const asset = await readFile(new URL('assets/omneo-widgets.js', extension), 'utf8').catch(() => null);
const frenchAsset = await readFile(new URL('assets/omneo-widgets-fr.js', extension), 'utf8').catch(() => null);
const mock = await startMock({ port: 0 });

/** The storefront page for one visit: the blocks in the theme's main section, the app embed last in <body>. */
async function storefront({ customer, secret, baseUrl, locale = 'en', country = 'AU' }) {
  const globals = { customer, secret, locale, country, assetBase: '/cdn/extension/assets' };
  const section = [
    await render('points-balance', { ...globals, settings: { label: 'You have' } }),
    await render('points-balance', { ...globals, settings: { kind: 'combined', label: 'To spend:', color_value: '#1f5f73' } }),
    await render('tier-progress', globals),
    await render('rewards-list', { ...globals, settings: { limit: 3, color_surface: '#ffffff', color_border: '#e6dfd4' } }),
    await render('redeem-button', { ...globals, settings: { color_primary: '#1f5f73', color_on_primary: '#ffffff' } }),
  ];
  const embed = await render('omneo-embed', { ...globals, settings: { tenant: 'harbour', base_url: baseUrl } });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour &amp; Co. — Shopify</title><link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d2a33; background: #fbf8f3; }
  main { max-width: 560px; margin: 0 auto; padding: 24px; display: grid; gap: 16px; }
  h1 { font: 600 24px Georgia, serif; margin: 0; }
</style></head>
<body>
<main id="MainContent">
  <h1>My rewards</h1>
  ${section.join('\n  ')}
</main>
${embed}
</body></html>`;
}

/** Pages by path, and the extension's asset, from the "store" (another origin than the mock). */
const pages = new Map();
const store = createServer((req, res) => {
  const path = new URL(req.url, 'http://store').pathname;
  if (path === '/cdn/extension/assets/omneo-widgets.js' && asset) {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(asset);
  }
  if (path === '/cdn/extension/assets/omneo-widgets-fr.js' && frenchAsset) {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(frenchAsset);
  }
  if (pages.has(path)) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    return res.end(pages.get(path));
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => store.listen(0, '127.0.0.1', resolve));
const storeOrigin = `http://localhost:${store.address().port}`;

/** A fresh mock namespace; its ID API base, its request log. */
async function freshOmneo(name) {
  const ns = `shopify-${name}-${Date.now().toString(36)}`;
  await fetch(`${mock.origin}/ns/${ns}/__mock/reset`, { method: 'POST' });
  return {
    baseUrl: `${mock.origin}/ns/${ns}/id/api/v1`,
    log: async () => (await fetch(`${mock.origin}/ns/${ns}/__mock/requests`)).json(),
  };
}

/**
 * Opens the storefront page of a visit: what the browser asked of the store and of Omneo, the
 * `omneo-error` events, and console errors.
 */
async function visit(name, { customer, secret, locale, country }) {
  const omneo = await freshOmneo(name);
  pages.set(`/${name}`, await storefront({ customer, secret, baseUrl: omneo.baseUrl, locale, country }));
  const page = await browser.newPage({ viewport: { width: 640, height: 900 } });
  const sent = [];
  page.on('request', (r) => sent.push({ method: r.method(), url: r.url() }));
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.omneoErrors = [];
    document.addEventListener('omneo-error', (e) =>
      window.omneoErrors.push({ tag: e.target.localName, kind: e.detail.error.kind, status: e.detail.error.status }),
    );
  });
  await page.goto(`${storeOrigin}/${name}`);
  return {
    page,
    omneo,
    problems,
    toStore: () => sent.filter((r) => r.url.startsWith(storeOrigin)).map((r) => `${r.method} ${new URL(r.url).pathname}`),
    toOmneo: () => sent.filter((r) => r.url.startsWith(mock.origin)).map((r) => `${r.method} ${new URL(r.url).pathname}`),
    errors: () => page.evaluate(() => window.omneoErrors),
  };
}

const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 8000 });

try {
  if (!asset) {
    tally.failed++;
    console.log('✗ integrations/shopify/assets/omneo-widgets.js is missing: run `npm run build` first');
  } else {
    await storefrontChecks();
  }
} finally {
  await browser.close();
  await mock.close();
  store.close();
}

async function storefrontChecks() {
  const signedIn = await visit('signed-in', { customer, secret: DEMO_SHOP_SECRET });

  await check(
    'signed-in customer: their balances and rewards, after one sign-in request with the signed id, and nothing asked of the store',
    async () => {
      const { page } = signedIn;
      await waitFor(page, () =>
        [...document.querySelectorAll('omneo-points-balance')].every((b) =>
          b.shadowRoot?.querySelector('[part~="value"]:not(.skeleton)'),
        ),
      );
      const values = await page.evaluate(() =>
        [...document.querySelectorAll('omneo-points-balance')].map((b) =>
          b.shadowRoot.querySelector('[part~="value"]').textContent.trim(),
        ),
      );
      expectEqual(values, ['1,234 points', '$57.34'], 'the balances');
      await waitFor(
        page,
        () => document.querySelector('omneo-rewards-list').shadowRoot?.querySelectorAll('[part~="item"]').length > 0,
      );
      const names = await page.evaluate(() =>
        [...document.querySelector('omneo-rewards-list').shadowRoot.querySelectorAll('[part~="name"]')].map((n) =>
          n.textContent.trim(),
        ),
      );
      expectEqual(names.length, 3, 'rewards listed (limit 3)');
      const log = await signedIn.omneo.log();
      const signIns = log.filter((r) => r.path === '/shopify/api/v1/auth/token');
      expectEqual(
        signIns.map((r) => [r.method, r.authorization, r.body]),
        [['POST', null, { id: DEMO_SHOPIFY_CUSTOMER_ID, signature: hmac(DEMO_SHOPIFY_CUSTOMER_ID, DEMO_SHOP_SECRET) }]],
        'sign-in requests to Omneo',
      );
      expectEqual(log.filter((r) => r.path === '/auth/token').length, 0, 'admin token requests');
      expectEqual(signedIn.toStore(), ['GET /signed-in', 'GET /cdn/extension/assets/omneo-widgets.js'], 'requests to the store');
      expectEqual(await signedIn.errors(), [], 'omneo-error events');
      expect(!signedIn.problems.length, signedIn.problems.join('\n'));
    },
  );

  await check('signed-in customer: their tier', async () => {
    const { page } = signedIn;
    await waitFor(page, () => /Gold/.test(document.querySelector('omneo-tier-progress').shadowRoot?.textContent ?? ''));
  });

  // The README's picture: the rendered blocks as the customer sees them.
  await signedIn.page.locator('main').screenshot({ path: fileURLToPath(new URL('signed-in.png', shots)) });
  if (process.argv.includes('--screenshot')) await signedIn.page.locator('main').screenshot({ path: fileURLToPath(picture) });
  await signedIn.page.close();

  await check(
    "a French storefront: the widgets' own words in French, from the French asset loaded before the bundle",
    async () => {
      const v = await visit('french', { customer, secret: DEMO_SHOP_SECRET, locale: 'fr', country: 'CA' });
      try {
        await waitFor(v.page, () => /Expire le/.test(document.querySelector('omneo-rewards-list').shadowRoot?.textContent ?? ''));
        // The tier comes by a request of its own, which may answer after the list's.
        await waitFor(v.page, () =>
          document.querySelector('omneo-tier-progress').shadowRoot?.querySelector('[part=base][aria-busy=false]'),
        );
        const tier = await v.page.evaluate(() => document.querySelector('omneo-tier-progress').shadowRoot.textContent);
        expect(/Votre niveau/.test(tier) && !/Your tier/.test(tier), `the tier progress says: ${tier.trim()}`);
        const list = await v.page.evaluate(() => document.querySelector('omneo-rewards-list').shadowRoot.textContent);
        expect(!/Expires|Redeem/.test(list), `English words in the list: ${list.trim().slice(0, 200)}`);
        expectEqual(
          v.toStore(),
          ['GET /french', 'GET /cdn/extension/assets/omneo-widgets-fr.js', 'GET /cdn/extension/assets/omneo-widgets.js'],
          'requests to the store',
        );
        expect(!v.problems.length, v.problems.join('\n'));
      } finally {
        await v.page.close();
      }
    },
  );

  await check('guest: every block shows its signed-out words and sign-in link, and nothing is sent to Omneo', async () => {
    const v = await visit('guest', { customer: null, secret: DEMO_SHOP_SECRET });
    try {
      await waitFor(v.page, () =>
        [...document.querySelectorAll('omneo-points-balance, omneo-rewards-list')].every((el) =>
          el.shadowRoot?.querySelector('slot[name="signed-out"]'),
        ),
      );
      const visible = await v.page.locator('omneo-points-balance [slot="signed-out"]').first().isVisible();
      expect(visible, 'the signed-out words are not visible');
      const button = v.page.locator('omneo-redeem-button [part~="button"]');
      expectEqual(await button.getAttribute('aria-disabled'), 'true', 'the redeem button disabled');
      await v.page.waitForTimeout(1500); // long enough for any token request to have left
      expectEqual(v.toOmneo(), [], 'requests the browser sent to Omneo');
      expectEqual(await v.omneo.log(), [], 'requests Omneo received');
      expectEqual(await v.errors(), [], 'omneo-error events');
      await v.page.locator('main').screenshot({ path: fileURLToPath(new URL('guest.png', shots)) });
    } finally {
      await v.page.close();
    }
  });

  await check('the wrong shop secret in the metafield: an error state of kind auth, and no data read', async () => {
    const v = await visit('wrong-secret', { customer, secret: 'not-the-shop-secret' });
    try {
      await waitFor(v.page, () =>
        [...document.querySelectorAll('omneo-points-balance')].every((b) => b.shadowRoot?.querySelector('[part~="error"]')),
      );
      const errors = await v.errors();
      expect(errors.length > 0 && errors.every((e) => e.kind === 'auth'), `omneo-error events: ${JSON.stringify(errors)}`);
      const signedOut = await v.page.evaluate(() =>
        Boolean(document.querySelector('omneo-points-balance').shadowRoot.querySelector('slot[name="signed-out"]')),
      );
      expect(!signedOut, 'the signed-out state is shown, not an error');
      const log = await v.omneo.log();
      expect(
        log.some((r) => r.path === '/shopify/api/v1/auth/token'),
        'no sign-in request',
      );
      expectEqual(
        log.filter((r) => r.path.startsWith('/profiles/')).map((r) => r.path),
        [],
        'data requests',
      );
      await v.page.locator('main').screenshot({ path: fileURLToPath(new URL('wrong-secret.png', shots)) });
    } finally {
      await v.page.close();
    }
  });
}

console.log(`\nScreenshots: ${fileURLToPath(shots)}\n${summary()}`);
process.exit(tally.failed ? 1 : 0);
