/** Objects of attachments without a chat (seed 001 uploads without a session) go to this folder. */
export const NO_CHAT_FOLDER = 'general';

/** `a//b/` → `a/b`; refuses `.`/`..` segments and control characters. Returns undefined when invalid. */
export function normalizeFolder(folder: string): string | undefined {
  const parts = folder.trim().split('/').filter(Boolean);
  // eslint-disable-next-line no-control-regex
  if (parts.some((p) => p === '.' || p === '..' || /[\u0000-\u001f\u007f]/.test(p))) return undefined;
  return parts.join('/');
}

/** The n-th candidate name: `report.pdf`, `report (1).pdf`, `report (2).pdf`, ... */
export function numberedName(name: string, n: number): string {
  if (!n) return name;
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? `${name} (${n})` : `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

/** Seed 002: `<folder>/<chatId>/<fileName>`, nested per chat id. */
export function exportKey(folder: string, chatId: string | null, name: string, n = 0): string {
  return [folder, chatId ?? NO_CHAT_FOLDER, numberedName(name, n)].filter(Boolean).join('/');
}
