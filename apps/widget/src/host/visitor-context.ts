import type { VisitorContext } from '@satchel/contracts';

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/FxiOS\/(\d+)/, 'Firefox'],
  [/CriOS\/(\d+)/, 'Chrome'],
  [/(?:Headless)?Chrome\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows NT/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 131" and "Linux" from a user agent; unknown parts are left out. */
export function browserAndOs(ua: string): { browser?: string; os?: string } {
  const out: { browser?: string; os?: string } = {};
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      out.browser = `${name} ${m[1]}`;
      break;
    }
  }
  const os = SYSTEMS.find(([re]) => re.test(ua));
  if (os) out.os = os[1];
  return out;
}

/** `2026-11-28T10:00:00+01:00`: the visitor's wall-clock time with its offset. */
export function localIso(d: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(off / 60)}:${pad(off % 60)}`
  );
}

const cut = (s: string | undefined, n: number): string | undefined => (s ? s.slice(0, n) : undefined);

/** What the widget tells operators about the page and browser when the visitor starts a chat. */
export function visitorContext(now = new Date()): VisitorContext {
  const page = new URL(location.href);
  page.hash = '';
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timeZone = undefined;
  }
  return {
    pageUrl: cut(page.href, 2000),
    pageTitle: cut(document.title, 300),
    referrer: cut(document.referrer, 2000),
    userAgent: cut(navigator.userAgent, 500),
    ...browserAndOs(navigator.userAgent),
    language: cut(navigator.language, 35),
    timeZone: cut(timeZone, 64),
    localTime: localIso(now),
  };
}
