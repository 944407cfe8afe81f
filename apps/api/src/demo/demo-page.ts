/** Only this origin: no inline script or style; blob: images are the widget's local thumbnails. */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const DEMO_CSS = `body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #222; background: #fafafa; }
main { max-width: 720px; margin: 40px auto; padding: 0 20px; }
code { background: #eee; padding: 2px 4px; border-radius: 3px; }
p.missing { color: #b3261e; }
`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A sample host page that embeds the widget with one script tag, as a customer's site would. */
export function demoPage(widgetKey: string | null): string {
  const embed = widgetKey
    ? `<script src="/widget/widget.js" data-widget-key="${escapeHtml(widgetKey)}" data-open="true" async></script>`
    : '<p class="missing">No account exists yet: start Satchel once to create the first account.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Satchel widget demo</title>
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
<main>
<h1>Satchel widget demo</h1>
<p>This page is a customer's website. The chat in the corner is the Satchel widget, embedded with one tag:</p>
<p><code>&lt;script src="/widget/widget.js" data-widget-key="…" async&gt;&lt;/script&gt;</code></p>
<p>Attach files with the paperclip, drag them onto the chat or paste them. Answer as an operator in the console inbox.</p>
</main>
${embed}
</body>
</html>
`;
}
