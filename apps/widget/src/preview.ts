// Entry of the console's live preview frame (preview.html): the widget UI restyled by the parent
// page, with no chat. Kept out of widget.js so host pages do not download it.
import { readEmbedConfig } from './embed-config';
import { PreviewApp } from './preview-app';

const cfg = readEmbedConfig(document.currentScript as HTMLScriptElement | null, location.href);
if (cfg) {
  const host = document.createElement('satchel-widget');
  document.body.append(host);
  new PreviewApp(cfg, host);
}
