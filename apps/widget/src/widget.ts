// Entry loaded by the host page: <script src=".../widget/widget.js" data-widget-key="wk_…" async></script>
import { readEmbedConfig } from './embed-config';
import { WidgetApp } from './widget-app';

function boot(): void {
  // currentScript is only set while this script runs, so read it before waiting for the body.
  const cfg = readEmbedConfig(document.currentScript as HTMLScriptElement | null, location.href);
  if (!cfg) {
    console.error('Satchel widget: the script tag needs a data-widget-key attribute');
    return;
  }
  const mount = () => {
    const host = document.createElement('satchel-widget');
    document.body.append(host);
    new WidgetApp(cfg, host)
      .start()
      .catch((err: unknown) => console.error('Satchel widget failed to start', err));
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

boot();
