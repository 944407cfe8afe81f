import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { guardPage, type PageGuardOptions } from './page-guard';
import { SCREENSHOT_DIR } from './paths';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium driven by playwright-core (no downloaded browser build). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh context (own localStorage) and page sized like a laptop screen. The page fails its test
 * on `console.error`, uncaught errors and runaway requests (see `page-guard.ts`) when its context
 * is closed or the e2e env stops.
 */
export async function newPage(
  browser: Browser,
  baseURL: string,
  guard: PageGuardOptions = {},
  // The browser's language (navigator.languages); the console follows it. English unless a test says otherwise.
  locale = 'en-US',
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // Generous: CI machines are small and shared (password hashing alone can take seconds there).
  page.setDefaultTimeout(30000);
  guardPage(page, guard);
  return page;
}

/** Writes test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const watched = new WeakMap<Page, string[]>();

/**
 * Collects (once per page) what a user's browser would complain about on this page: Content-Security-Policy violations
 * (the `securitypolicyviolation` event and Chromium's "Refused to …" console errors) and uncaught errors.
 */
export async function watchProblems(page: Page): Promise<string[]> {
  const known = watched.get(page);
  if (known) return known;
  const problems: string[] = [];
  watched.set(page, problems);
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  await page.exposeFunction('__satchelCspViolation', (v: string) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __satchelCspViolation: (v: string) => void })
        .__satchelCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return problems;
}
