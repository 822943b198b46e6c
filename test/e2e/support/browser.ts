/**
 * Browser tests' support: one Chromium per test file (through playwright-core), and a `Session`
 * (a browser context and its one page) whose `visit` wraps every navigation so that each page the
 * journey reaches is checked (axe-core, console errors, failed asset requests, the document's
 * HTTP status) and photographed to test-results/e2e/<nn>-<file>-<label>.png.
 *
 * No page goes unchecked: the session counts the documents the page loads, and `visit` fails if
 * more than one document loaded since the last check (a click that navigated outside `visit`).
 * `session.close()` fails the same way if the last page loaded was never checked.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'e2e');

/**
 * Chromium, headless, with the flags from DESIGN.md ("Chromium: ...").
 *
 * - `headless: true` (playwright's default, said out loud) makes playwright add `--headless` itself
 *   (plus --hide-scrollbars and --mute-audio), so it is not repeated in `args`.
 * - `--no-sandbox` is added by playwright too, unless `chromiumSandbox: true`; it is repeated here
 *   only so the flags read as DESIGN.md lists them (a duplicate flag is harmless).
 * - A fresh user-data directory: `chromium.launch()` always makes a temporary profile
 *   (`$TMPDIR/playwright_chromiumdev_profile-*`) and removes it on close, so
 *   `launchPersistentContext` is not needed (and playwright refuses `--user-data-dir` in `args`).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the page as it is now and fails, listing every violation, unless there are none.
 *
 * How axe gets in: the app sends a strict Content-Security-Policy (script-src 'self' plus a
 * per-response nonce, no 'unsafe-inline'), so `page.addScriptTag({ content })` is blocked by the
 * page's own CSP. We do NOT set `bypassCSP: true` on the context: that switches the CSP off for
 * the whole page, and a CSP violation by the app itself (an inline script or style that would be
 * blocked in production) would then go unnoticed. Instead axe is evaluated through the DevTools
 * protocol (`page.evaluate`), which the page's CSP does not govern.
 *
 * With JavaScript disabled, `page.evaluate` still works but timers never fire, so `axe.run` never
 * settles. For such a page pass `twin`: a page in a JavaScript-enabled context; the no-JS page's
 * DOM, with its scripts removed, is served to the twin at the same address (so the stylesheets
 * load from the app as usual) and axe runs there on exactly what the no-JS user has.
 */
export async function checkAccessibility(page: Page, label: string, twin?: Page): Promise<void> {
  let target = page;
  if (twin) {
    const url = page.url().split('#')[0]!;
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
    await twin.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await twin.goto(url, { waitUntil: 'load' });
    await twin.unroute(url);
    target = twin;
  }
  const loaded = await target.evaluate('typeof window.axe === "object"');
  if (!loaded) await target.evaluate(AXE_SOURCE);
  // page.evaluate has no timeout of its own: a page where axe cannot finish fails rather than hangs.
  let timer: NodeJS.Timeout | undefined;
  const violations = (await Promise.race([
    target.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations)`),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`axe did not finish on "${label}" within 30 seconds`)), 30_000);
    }),
  ]).finally(() => clearTimeout(timer))) as AxeViolation[];
  if (violations.length === 0) return;
  const lines = violations.flatMap((v) => [
    `  ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}`,
    `    ${v.helpUrl}`,
    ...v.nodes.map((n) => `    - ${n.target.map(String).join(' ')}\n      ${n.html.slice(0, 300)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
  ]);
  assert.fail(`axe found ${violations.length} accessibility violation${violations.length === 1 ? '' : 's'} on "${label}" (${page.url()})${twin ? ' with JavaScript off' : ''}:\n${lines.join('\n')}`);
}

export interface VisitOptions {
  /** The HTTP status the page's document should have (default 200). */
  status?: number;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** The server's origin, e.g. http://127.0.0.1:41234 */
  base: string;
  /**
   * Does `action` (a click or a goto; by default nothing), waits for the new page to load, then
   * checks it: one new document, its status, axe, console errors, failed asset requests; and saves
   * a screenshot. Returns the page for chaining.
   */
  visit(label: string, action?: () => Promise<unknown>, options?: VisitOptions): Promise<Page>;
  /** `visit` by address (a path on the app, or a full URL). */
  goto(label: string, pathOrUrl: string, options?: VisitOptions): Promise<Page>;
  /** Re-checks the page as it is now, without navigating (after JavaScript changed it). */
  recheck(label: string): Promise<void>;
  /** Signs in through the sign-in page, checking it and the page it lands on. */
  signIn(username: string, password: string, landingLabel: string): Promise<Page>;
  close(): Promise<void>;
}

export interface Screenshots {
  /** The next screenshot's path for `label`. */
  next(label: string): string;
}

/**
 * Screenshots for one test file: `test-results/e2e/<nn>-<prefix>-<label>.png`, nn counting up
 * through the file. The prefix keeps two files' screenshots apart; stale ones with the same prefix
 * are removed first.
 */
export function screenshots(prefix: string): Screenshots {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const f of readdirSync(SCREENSHOT_DIR)) {
    if (new RegExp(`^\\d+-${prefix}-.*\\.png$`).test(f)) rmSync(path.join(SCREENSHOT_DIR, f));
  }
  let n = 0;
  return {
    next(label: string) {
      n += 1;
      const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      return path.join(SCREENSHOT_DIR, `${String(n).padStart(2, '0')}-${prefix}-${slug}.png`);
    },
  };
}

export async function newSession(browser: Browser, base: string, shots: Screenshots, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', ...options });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  // JavaScript off: axe runs on a copy of each page in a twin page that has it (see checkAccessibility).
  const twinContext = options.javaScriptEnabled === false ? await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' }) : null;
  const twin = twinContext ? await twinContext.newPage() : undefined;
  const problems: string[] = [];
  let loads = 0;
  let checked = 0;
  let documentStatus: number | null = null;

  page.on('load', () => {
    loads += 1;
  });
  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      if (response.status() < 300 || response.status() >= 400) documentStatus = response.status();
      return;
    }
    if (response.status() >= 400) problems.push(`${response.status()} for ${request.resourceType()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    problems.push(`request failed (${request.failure()?.errorText ?? 'no reason'}): ${request.resourceType()} ${request.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs "Failed to load resource: ... 404" for the document itself on an error page;
    // the document's status is checked against what the visit expects, so that one is not a problem.
    const at = message.location().url;
    if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text()) && at === page.url()) return;
    problems.push(`console error: ${message.text()}${at ? ` (${at})` : ''}`);
  });

  async function check(label: string, expectedStatus: number | null) {
    const url = page.url();
    if (expectedStatus !== null) assert.equal(documentStatus, expectedStatus, `"${label}" (${url}) should answer ${expectedStatus}`);
    // Let module scripts (govuk-frontend's initAll) run before the page is judged.
    await page.waitForLoadState('load');
    // The picture first, so a page that fails its checks can be looked at.
    await page.screenshot({ path: shots.next(label), fullPage: true });
    await checkAccessibility(page, label, twin);
    const found = problems.splice(0);
    assert.deepEqual(found, [], `"${label}" (${url}) had console errors or failed requests:\n  ${found.join('\n  ')}`);
  }

  const session: Session = {
    context,
    page,
    base,
    async visit(label, action, options = {}) {
      const before = loads;
      if (action) {
        documentStatus = null;
        // Longer than an action's own timeout, so a click that finds nothing reports that, not "no load".
        const loaded = page.waitForEvent('load', { timeout: 20_000 });
        loaded.catch(() => {});
        await action();
        await loaded;
      }
      assert.equal(loads - checked, 1, `"${label}": ${loads - checked} pages loaded since the last check (expected 1)${loads === before ? ': the action did not load a page' : ': a page was reached without being checked'}`);
      checked = loads;
      await check(label, options.status ?? 200);
      return page;
    },
    goto(label, pathOrUrl, options) {
      return session.visit(label, () => page.goto(new URL(pathOrUrl, base).toString()), options);
    },
    async recheck(label) {
      assert.equal(loads, checked, `"${label}": the page changed document without being checked`);
      await check(label, null);
    },
    async signIn(username, password, landingLabel) {
      await session.goto('sign in', '/sign-in');
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password', { exact: true }).fill(password);
      return session.visit(landingLabel, () => page.getByRole('button', { name: 'Sign in' }).click());
    },
    async close() {
      const unchecked = loads - checked;
      await context.close();
      await twinContext?.close();
      assert.equal(unchecked, 0, 'the last page loaded was never checked');
    },
  };
  return session;
}

/** The element that has focus, described as `tag#id.class1.class2`. */
export async function focused(page: Page): Promise<string> {
  // A string, not a function: the project's TypeScript has no DOM types.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return 'nothing';
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map((c) => '.' + c).join('');
  })()`);
}
