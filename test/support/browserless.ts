import type { FastifyInstance } from 'fastify';

export interface Response {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  location: string | null;
}

/**
 * An HTTP client over the real app (Fastify's inject): keeps cookies like a browser, and reads a
 * page's hidden fields so a test can post a form the way a user would.
 */
export class Browserless {
  private cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(setCookie: string | string[] | undefined) {
    for (const c of ([] as string[]).concat(setCookie ?? [])) {
      const [pair, ...attrs] = c.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  async get(url: string): Promise<Response> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.keepCookies(res.headers['set-cookie']);
    if (res.headers['content-type']?.toString().startsWith('text/html')) this.lastPage = res.body;
    return { status: res.statusCode, headers: res.headers, body: res.body, location: (res.headers.location as string) ?? null };
  }

  /** Posts a form. `_csrf` is added from the last page unless given. */
  async post(url: string, fields: Record<string, string | string[]>, options: { page?: string } = {}): Promise<Response> {
    const page = options.page ?? this.lastPage;
    const params = new URLSearchParams();
    const all: Record<string, string | string[]> = { _csrf: hiddenValue(page, '_csrf') ?? '', ...fields };
    for (const [k, v] of Object.entries(all)) for (const item of ([] as string[]).concat(v)) params.append(k, item);
    const res = await this.app.inject({ method: 'POST', url, payload: params.toString(), headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' } });
    this.keepCookies(res.headers['set-cookie']);
    if (res.headers['content-type']?.toString().startsWith('text/html')) this.lastPage = res.body;
    return { status: res.statusCode, headers: res.headers, body: res.body, location: (res.headers.location as string) ?? null };
  }

  async signIn(username: string, password: string): Promise<Response> {
    await this.get('/sign-in');
    const res = await this.post('/sign-in', { username, password, next: '/' });
    if (res.status !== 303) throw new Error(`sign-in as ${username} failed with ${res.status}`);
    return res;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** The value of a hidden input on a page (the first, or the one inside the form posting to `action`). */
export function hiddenValue(html: string, name: string, action?: string): string | null {
  let scope = html;
  if (action) {
    const start = html.indexOf(`action="${action}"`);
    if (start < 0) return null;
    scope = html.slice(start, html.indexOf('</form>', start));
  }
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(scope);
  return m ? decodeEntities(m[1]!) : null;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The GOV.UK error summary's messages, in order. */
export function errorSummary(html: string): string[] {
  const start = html.indexOf('govuk-error-summary__list');
  if (start < 0) return [];
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]}: ${m[2]!.trim()}`);
}
