import { ApiError, errorMessage } from '@satchel/upload-client';

export { ApiError };

/** JSON calls to the Satchel API with the visitor's token. */
export class ApiClient {
  private token: string | null = null;

  constructor(readonly base: string) {}

  setToken(token: string | null): void {
    this.token = token;
  }

  get authHeader(): string | null {
    return this.token ? `Token ${this.token}` : null;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.send<T>(method, path, body))[0];
  }

  /** The answer and the cursor of the next page of a list (`X-Next-Cursor`), if any. */
  async send<T>(method: string, path: string, body?: unknown): Promise<[T, string | null]> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.authHeader) headers['Authorization'] = this.authHeader;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, errorMessage(0, null));
    }
    const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, errorMessage(res.status, data));
    return [data as T, res.headers.get('X-Next-Cursor')];
  }
}
