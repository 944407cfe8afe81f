import { fetchWithProgress } from '@satchel/upload-client';

/** Downloads a URL with progress (read from the body stream) and saves it under `name`. */
export async function downloadWithProgress(
  url: string,
  name: string,
  expected: number,
  onProgress: (percent: number) => void,
): Promise<void> {
  const blob = await fetchWithProgress(url, expected, (loaded, total) =>
    onProgress(total ? Math.round((loaded / total) * 100) : 0),
  );
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
