import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { ADMIN, startApiServer, type ApiServer } from './api-server';
import { launchBrowser, newPage, watchProblems } from './browser';
import { checkAllPages, type PageGuardOptions } from './page-guard';

export interface E2eEnv {
  server: ApiServer;
  browser: Browser;
  /** The API as the first account's owner. */
  admin: ApiClient;
  /**
   * A new page in its own browser context, failing its test on console errors and runaway requests;
   * `locale` is the browser's language (default en-US).
   */
  page(guard?: PageGuardOptions, locale?: string): Promise<Page>;
  stop(): Promise<void>;
}

/** The built API on a fresh database plus a browser; call `stop()` in afterAll. */
export async function startE2eEnv(name: string, env: Record<string, string> = {}): Promise<E2eEnv> {
  const server = await startApiServer(name, env);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const admin = await ApiClient.login(server.url, ADMIN.email, ADMIN.password);
    const b = browser;
    // Every page of every browser test is watched: a Content-Security-Policy violation fails the suite.
    const problems: string[][] = [];
    const page = async (guard?: PageGuardOptions, locale?: string) => {
      const p = await newPage(b, server.url, guard, locale);
      problems.push(await watchProblems(p));
      return p;
    };
    return {
      server,
      browser: b,
      admin,
      page,
      stop: async () => {
        await b.close().catch(() => undefined);
        await server.stop();
        const csp = problems.flat().filter((p) => /^csp:|Content Security Policy/.test(p));
        if (csp.length) throw new Error(`Content-Security-Policy violations:\n${csp.join('\n')}`);
        checkAllPages();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw err;
  }
}
