import type { WidgetConfig } from '@satchel/contracts';
import type { ApiClient } from '../api/api-client';

/**
 * The account's widget config (`GET /v1/widget/config`), kept in this browser so the next page shows
 * the right colours before the network answers. The browser revalidates it by ETag (`no-cache`).
 */
export class WidgetSettings {
  private current: WidgetConfig | null;

  constructor(
    private readonly api: ApiClient,
    private readonly widgetKey: string,
    private readonly storage: Storage = localStorage,
  ) {
    this.current = this.read();
  }

  private get key(): string {
    return `satchel:config:${this.widgetKey}`;
  }

  cached(): WidgetConfig | null {
    return this.current;
  }

  /** Fetches the config; true when it differs from the kept one. Failures keep the kept one. */
  async load(): Promise<boolean> {
    try {
      const path = `/v1/widget/config?widgetKey=${encodeURIComponent(this.widgetKey)}`;
      return this.set(await this.api.json<WidgetConfig>('GET', path));
    } catch {
      return false;
    }
  }

  /** Uses `config` (fetched, or sent by the console's preview); true when it changed anything. */
  set(config: WidgetConfig): boolean {
    if (!isConfig(config)) return false;
    const changed = JSON.stringify(config) !== JSON.stringify(this.current);
    this.current = config;
    try {
      this.storage.setItem(this.key, JSON.stringify(config));
    } catch {
      // Storage full or blocked: the config still applies on this page.
    }
    return changed;
  }

  private read(): WidgetConfig | null {
    try {
      const v = JSON.parse(this.storage.getItem(this.key) ?? 'null') as unknown;
      return isConfig(v) ? v : null;
    } catch {
      return null;
    }
  }
}

function isConfig(v: unknown): v is WidgetConfig {
  const c = v as Partial<WidgetConfig> | null;
  return (
    !!c &&
    typeof c.version === 'number' &&
    !!c.appearance &&
    typeof c.appearance === 'object' &&
    typeof c.appearance.brandColor === 'string'
  );
}
