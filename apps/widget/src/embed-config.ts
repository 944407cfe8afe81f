export interface EmbedConfig {
  widgetKey: string;
  /** Origin of the Satchel API, taken from the script's own URL unless `data-api-url` says otherwise. */
  apiBase: string;
  /** Where the lazily loaded chunks live (the directory of widget.js). */
  assetBase: string;
  /** Open the chat panel on load (`data-open="true"`). */
  open: boolean;
  /** A short chime when a message arrives while the panel is closed (`data-sound="on"`; off by default). */
  sound: boolean;
  /** The page's language for the widget (`data-locale="de"`); wins over everything else. */
  locale: string | null;
}

/** Reads the embedding `<script src=".../widget/widget.js" data-widget-key="wk_…">` tag. */
export function readEmbedConfig(script: HTMLScriptElement | null, pageUrl: string): EmbedConfig | null {
  const widgetKey = script?.dataset['widgetKey']?.trim();
  if (!script || !widgetKey) return null;
  const src = new URL(script.getAttribute('src') ?? pageUrl, pageUrl);
  const apiBase = (script.dataset['apiUrl'] ? new URL(script.dataset['apiUrl'], pageUrl) : src).origin;
  const assetBase = src.href.slice(0, src.href.lastIndexOf('/'));
  return {
    widgetKey,
    apiBase,
    assetBase,
    open: script.dataset['open'] === 'true',
    sound: script.dataset['sound'] === 'on',
    locale: script.dataset['locale']?.trim() || null,
  };
}
