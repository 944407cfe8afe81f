/** Progress of a download in bytes; `total` is the Content-Length, else the size the caller expected. */
export type DownloadProgress = (loaded: number, total: number) => void;

/** GETs a URL into a Blob, reporting progress as the body stream is read. */
export async function fetchWithProgress(
  url: string,
  expected: number,
  onProgress?: DownloadProgress,
): Promise<Blob> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`Download failed (${res.status})`);
  const total = Number(res.headers.get('Content-Length')) || expected;
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.(loaded, total);
  }
  return new Blob(chunks as BlobPart[], { type });
}
