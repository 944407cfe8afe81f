import type {
  CreatedApiTokenResponse,
  LoginResponse,
  StartWidgetChatResponse,
  ChatDto,
} from '@satchel/contracts';

export interface UploadFile {
  name: string;
  content: Buffer | string;
  type?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status}: ${JSON.stringify(body)}`);
  }
}

/** Talks to the API over HTTP only (the e2e project may not import server code). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<ApiClient> {
    const res = await new ApiClient(baseUrl).request<LoginResponse>('POST', '/v1/auth/login', {
      email,
      password,
    });
    return new ApiClient(baseUrl, res.token);
  }

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete(path: string): Promise<unknown> {
    return this.request('DELETE', path);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers['Authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return this.parse<T>(res, `${method} ${path}`);
  }

  /** Multipart upload of several files in field `files` (the attachments endpoint). */
  async upload<T>(path: string, files: UploadFile[], field = 'files'): Promise<T> {
    const form = new FormData();
    for (const f of files) {
      const bytes = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
      form.append(
        field,
        new Blob([new Uint8Array(bytes)], { type: f.type ?? 'application/octet-stream' }),
        f.name,
      );
    }
    const headers: Record<string, string> = this.token ? { Authorization: `Bearer ${this.token}` } : {};
    const res = await fetch(this.baseUrl + path, { method: 'POST', headers, body: form });
    return this.parse<T>(res, `POST ${path}`);
  }

  createChat(visitorName: string): Promise<ChatDto> {
    return this.post<ChatDto>('/v1/chats', { visitorName });
  }

  startVisitorChat(widgetKey: string, name: string): Promise<StartWidgetChatResponse> {
    return this.post<StartWidgetChatResponse>('/v1/widget/chats', { widgetKey, name });
  }

  createApiToken(name: string): Promise<CreatedApiTokenResponse> {
    return this.post<CreatedApiTokenResponse>('/v1/api-tokens', { name });
  }

  private async parse<T>(res: Response, what: string): Promise<T> {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text for the error message.
    }
    if (!res.ok) throw new ApiError(res.status, body, what);
    return body as T;
  }
}
