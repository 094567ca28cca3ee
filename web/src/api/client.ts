// fetch with the API's conventions: JSON in and out, the session cookie, {error:{code,message}} bodies
// turned into ApiError with the server's Chinese message, and one place that notices an expired session.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** the whole response body: 412 carries `current`, 422 carries `findings` */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** no answer at all: offline, server down, connection reset */
  get offline(): boolean {
    return this.status === 0;
  }
}

type Listener = (message: string, code: string) => void;
const expiredListeners = new Set<Listener>();

/** Called when any request (other than logging in) answers 401: the session is gone. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** do not treat 401 as an expired session (the login form itself) */
  allow401?: boolean;
  signal?: AbortSignal;
}

const STATUS_TEXT: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '内容不存在或无权查看',
  409: '当前状态不允许此操作',
  412: '内容已被他人修改',
  413: '文件过大',
  415: '不支持的文件类型',
  422: '无法完成此操作',
  423: '账户已锁定',
  428: '缺少版本信息',
  429: '操作过于频繁，请稍后再试',
  500: '服务器内部错误，请稍后重试',
};

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<{ data: T; headers: Headers; status: number }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method: opts.method ?? 'GET', headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    const b = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const e = (b.error ?? {}) as { code?: string; message?: string };
    const message = e.message || STATUS_TEXT[res.status] || `请求失败（${res.status}）`;
    const err = new ApiError(res.status, e.code ?? `HTTP_${res.status}`, message, b);
    if (res.status === 401 && !opts.allow401) for (const l of expiredListeners) l(message, err.code);
    throw err;
  }
  return { data: parsed as T, headers: res.headers, status: res.status };
}

export function etagVersion(headers: Headers): number | null {
  const m = /"(?:[^"]*-v)?(\d+)"/.exec(headers.get('ETag') ?? '');
  return m ? Number(m[1]) : null;
}

export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
