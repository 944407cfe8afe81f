// Entry loaded by the host page: <script src=".../widget/widget.js" data-widget-key="wk_…" async></script>
import { readEmbedConfig } from './embed-config';
import { HostApi } from './host/host-api';
import { WidgetApp } from './widget-app';

function boot(): void {
  // currentScript is only set while this script runs, so read it before waiting for the body.
  const cfg = readEmbedConfig(document.currentScript as HTMLScriptElement | null, location.href);
  if (!cfg) {
    console.error('Satchel widget: the script tag needs a data-widget-key attribute');
    return;
  }
  const win = window as unknown as { Satchel?: unknown };
  if (HostApi.installedIn(win)) {
    console.warn('Satchel widget: already loaded on this page; the second script tag is ignored');
    return;
  }
  // `window.Satchel` at once, so calls made before the body exists wait for the widget, in order.
  const hostApi = new HostApi();
  hostApi.install(win);
  const mount = () => {
    const host = document.createElement('satchel-widget');
    document.body.append(host);
    const app = new WidgetApp(cfg, host, hostApi);
    hostApi.attach(app.control());
    app
      .start()
      .then(() => hostApi.emit('ready'))
      .catch((err: unknown) => console.error('Satchel widget failed to start', err));
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

boot();
