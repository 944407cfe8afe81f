export const BOUNDARY = 'hostile-boundary-7f3a';

export interface Part {
  name: string;
  filename?: string;
  type?: string;
  content: Buffer | string;
  /** Extra raw header lines for this part. */
  headers?: string[];
}

/** The raw bytes of one multipart part (boundary line included). */
export function partBytes(p: Part, boundary = BOUNDARY): Buffer {
  const disposition =
    `Content-Disposition: form-data; name="${p.name}"` +
    (p.filename !== undefined ? `; filename="${p.filename}"` : '');
  const lines = [`--${boundary}`, disposition];
  if (p.type) lines.push(`Content-Type: ${p.type}`);
  lines.push(...(p.headers ?? []));
  return Buffer.concat([
    Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'),
    Buffer.from(p.content),
    Buffer.from('\r\n'),
  ]);
}

/** A complete multipart/form-data body. */
export function multipartBody(parts: Part[], boundary = BOUNDARY): Buffer {
  return Buffer.concat([...parts.map((p) => partBytes(p, boundary)), Buffer.from(`--${boundary}--\r\n`)]);
}

/** A raw HTTP/1.1 POST with `Connection: close`; `length` overrides (or with null drops) Content-Length. */
export function rawPost(
  path: string,
  auth: string,
  body: Buffer,
  opts: { contentType?: string; length?: number | null; extraHeaders?: string[] } = {},
): Buffer {
  const headers = [
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Authorization: ${auth}`,
    `Content-Type: ${opts.contentType ?? `multipart/form-data; boundary=${BOUNDARY}`}`,
    'Connection: close',
    ...(opts.length === null ? [] : [`Content-Length: ${opts.length ?? body.length}`]),
    ...(opts.extraHeaders ?? []),
  ];
  return Buffer.concat([Buffer.from(headers.join('\r\n') + '\r\n\r\n', 'latin1'), body]);
}
