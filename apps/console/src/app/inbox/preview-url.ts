/** The signed content URL asked as a preview (`purpose=preview`), which the audit log does not count as a download. */
export function previewUrl(signedUrl: string): string {
  const u = new URL(signedUrl, 'http://relative.invalid');
  u.searchParams.set('purpose', 'preview');
  return signedUrl.startsWith('/') ? u.pathname + u.search : u.href;
}
