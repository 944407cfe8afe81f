import { MAIL_LOCALES, MAIL_TEXTS, RTL_LOCALES, type MailKind, type MailLocale } from './mail-texts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContent {
  vars: Record<string, string | number>;
  /** The call to action (invitation, reset, inbox). */
  link?: string;
  /** Lines listed under the intro (transcript messages, notification summaries), each maybe linked. */
  lines?: { text: string; href?: string }[];
}

export function mailLocale(locale: string | null | undefined): MailLocale {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (MAIL_LOCALES as readonly string[]).includes(base) ? (base as MailLocale) : 'en';
}

const fill = (s: string, vars: MailContent['vars']) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] !== undefined ? String(vars[k]) : m));

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Text and HTML parts of one email in `locale` (unknown locales and missing texts fall back to English). */
export function renderMail(
  kind: MailKind,
  locale: string | null | undefined,
  content: MailContent,
): RenderedMail {
  const lang = mailLocale(locale);
  const texts = { ...MAIL_TEXTS.en[kind], ...MAIL_TEXTS[lang][kind] };
  const fillIn = (s: string | undefined) => (s ? fill(s, content.vars) : '');
  const lines = content.lines ?? [];
  const text = [
    fillIn(texts.intro),
    ...lines.map((l) => (l.href ? `- ${l.text} ${l.href}` : `- ${l.text}`)),
    content.link && texts.action ? `${fillIn(texts.action)}: ${content.link}` : '',
    fillIn(texts.outro),
  ]
    .filter(Boolean)
    .join('\n\n');
  const htmlLines = lines.length
    ? `<ul>${lines
        .map((l) =>
          l.href
            ? `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`
            : `<li>${escapeHtml(l.text)}</li>`,
        )
        .join('')}</ul>`
    : '';
  const button =
    content.link && texts.action
      ? `<p><a href="${escapeHtml(content.link)}" style="background:#3f51b5;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(fillIn(texts.action))}</a></p>`
      : '';
  const dir = RTL_LOCALES.has(lang) ? 'rtl' : 'ltr';
  const html = `<!doctype html><html lang="${lang}" dir="${dir}"><body style="font-family:sans-serif"><p>${escapeHtml(
    fillIn(texts.intro),
  )}</p>${htmlLines}${button}${texts.outro ? `<p style="color:#555">${escapeHtml(fillIn(texts.outro))}</p>` : ''}</body></html>`;
  return { subject: fillIn(texts.subject), text, html };
}
