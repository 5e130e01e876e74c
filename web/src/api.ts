/** Calls to the desk's API; the analyst's name goes with every write, for the audit log. */
export const API = '/desk/api';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function analyst(): string {
  try {
    return localStorage.getItem('sitrep.analyst') ?? '';
  } catch {
    return '';
  }
}

export function setAnalyst(name: string): void {
  try {
    localStorage.setItem('sitrep.analyst', name);
  } catch {
    /* private mode: the name lasts for this page only */
  }
}

async function handle<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      const p = await res.json();
      msg = [p.title, p.detail].filter(Boolean).join(': ') || msg;
    } catch {
      /* not a problem document */
    }
    throw new ApiError(res.status, msg);
  }
  return (await res.json()) as T;
}

export async function get<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const q = params?.toString();
  return handle<T>(await fetch(`${API}${path}${q ? `?${q}` : ''}`, { signal }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const who = analyst();
  if (who) headers['x-sitrep-user'] = who;
  return handle<T>(await fetch(`${API}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
}
