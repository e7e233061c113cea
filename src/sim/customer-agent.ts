import { Agent, request } from 'undici';

/**
 * A headless customer for the simulator's journeys: follows the authorisation URL through a
 * holder's login and consent pages (plain HTML forms, src/authz/pages and
 * src/payments/consents/authorisation-page.ts) with a cookie jar, the way a browser would, and
 * stops at the redirect back to the receiver. No browser needed, so `ponte simulate` runs on any
 * machine that runs Ponte.
 */
export interface CustomerAgent {
  /**
   * Logs in as `cpf`, confirms the request (every pre-selected resource, or the first option of a
   * single choice), and answers the URL the holder redirects to at `redirectPrefix` (fragment
   * included).
   */
  authorise(authorisationUrl: string, cpf: string, password: string, redirectPrefix: string): Promise<URL>;
  close(): Promise<void>;
}

const MAX_STEPS = 20;

interface Form {
  action: string;
  fields: Array<[string, string]>;
}

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match ? decode(match[1]!) : undefined;
};

/** The page's form, with the values a customer accepting the defaults would send. */
function readForm(html: string, base: URL, credentials: { cpf: string; password: string }): Form {
  const form = /<form\b[^>]*>/i.exec(html);
  if (!form) throw new Error(`no form on ${base.pathname}: ${html.replace(/<[^>]+>/g, ' ').slice(0, 200)}`);
  const action = new URL(attr(form[0], 'action') ?? base.href, base).href;
  const fields: Array<[string, string]> = [];
  const radios = new Map<string, string>();
  for (const [tag] of html.matchAll(/<input\b[^>]*>/gi)) {
    const name = attr(tag, 'name');
    if (name === undefined) continue;
    const type = (attr(tag, 'type') ?? 'text').toLowerCase();
    const value = attr(tag, 'value') ?? '';
    if (name === 'cpf') fields.push([name, credentials.cpf]);
    else if (name === 'password') fields.push([name, credentials.password]);
    else if (type === 'checkbox' && /\schecked\b/i.test(tag)) fields.push([name, value]);
    else if (type === 'radio') {
      if (/\schecked\b/i.test(tag) || !radios.has(name)) radios.set(name, value);
    } else if (type === 'hidden') fields.push([name, value]);
  }
  for (const [name, value] of radios) fields.push([name, value]);
  // The consent pages' submit buttons carry the decision.
  if (/<button[^>]*name="action"[^>]*value="confirm"/i.test(html)) fields.push(['action', 'confirm']);
  return { action, fields };
}

export function createCustomerAgent(options: { ca: string }): CustomerAgent {
  const dispatcher = new Agent({ connect: { ca: options.ca } });
  return {
    async authorise(authorisationUrl, cpf, password, redirectPrefix) {
      const jar = new Map<string, string>();
      let url = new URL(authorisationUrl);
      let method: 'GET' | 'POST' = 'GET';
      let body: string | undefined;
      for (let step = 0; step < MAX_STEPS; step++) {
        const response = await request(url, {
          method,
          dispatcher,
          headers: {
            ...(jar.size > 0 && { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }),
            ...(body !== undefined && { 'content-type': 'application/x-www-form-urlencoded' }),
          },
          ...(body !== undefined && { body }),
        });
        for (const cookie of [response.headers['set-cookie'] ?? []].flat()) {
          const [pair] = cookie.split(';');
          const eq = pair!.indexOf('=');
          jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
        }
        const text = await response.body.text();
        const location = response.headers.location;
        if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
          const next = new URL(location, url);
          if (next.href.startsWith(redirectPrefix)) return next;
          url = next;
          method = 'GET';
          body = undefined;
          continue;
        }
        if (response.statusCode !== 200) {
          throw new Error(`${url.origin}${url.pathname} answered ${response.statusCode}`);
        }
        const error = /role="alert"[^>]*>([^<]+)</.exec(text);
        if (error && method === 'POST') throw new Error(`the holder refused: ${decode(error[1]!.trim())}`);
        const form = readForm(text, url, { cpf, password });
        url = new URL(form.action);
        method = 'POST';
        body = new URLSearchParams(form.fields).toString();
      }
      throw new Error(`no redirect to ${redirectPrefix} after ${MAX_STEPS} steps`);
    },
    close: () => dispatcher.close(),
  };
}
