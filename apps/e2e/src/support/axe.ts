import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The WCAG 2.x A/AA rule sets the issue asks for. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Angular CDK's focus-trap sentinels (the drawer, dialogs): `aria-hidden` and `tabindex=0` on purpose,
 * they move focus back into the trap the moment they get it. axe flags them as `aria-hidden-focus`;
 * the CDK maintainers call that a false positive (angular/components#22872, #21565). Only they are skipped.
 */
const EXCLUDED = [['.cdk-focus-trap-anchor']];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: AxeNode[];
}

let source: string | undefined;

function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/**
 * Loads axe-core into the page. Evaluated through the DevTools protocol rather than a `<script>` tag:
 * the console's CSP (`script-src 'self'`) would block an injected script, and bypassing the CSP for the
 * page would also hide the violations the CSP detector of the other tests looks for.
 */
async function injectAxe(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource());
}

/**
 * Runs axe-core's WCAG 2.2 A/AA rules on the whole document (open shadow roots included) and returns
 * the serious and critical violations, one readable line per rule: `id (impact): help → targets`.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const violations = await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (
        window as unknown as {
          axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const context = { include: [['html']], exclude };
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return JSON.parse(JSON.stringify(result.violations)) as unknown[];
    },
    { tags: WCAG_TAGS, exclude: EXCLUDED },
  );
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const targets = v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 8);
      const more = v.nodes.length > 8 ? ` (+${v.nodes.length - 8} more)` : '';
      const why = v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? '';
      return `${v.id} (${v.impact}): ${v.help} → ${targets.join(', ')}${more} — ${why}`;
    });
}

/** Throws listing the serious/critical violations of `what` (a page or widget state), if any. */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const found = await seriousViolations(page);
  if (found.length)
    throw new Error(`${what}: ${found.length} serious/critical axe violations:\n  ${found.join('\n  ')}`);
}
