import { html, trusted, type SafeHtml } from './html.ts';

/** What a page shows of the brand (white label): name, logo, colour. */
export interface PageBrand {
  name: string;
  primaryColor: string;
  logoSvg?: string;
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Only a plain hex colour reaches the stylesheet; anything else falls back to a neutral blue. */
function safeColour(colour: string): string {
  return HEX_COLOUR.test(colour) ? colour : '#1f4e99';
}

function styles(primary: string): string {
  return `
:root{--primary:${primary};--text:#1b1b1f;--muted:#5a5a66;--line:#d4d4dc;--bg:#f6f6f9;--error:#b3261e}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--text);background:var(--bg);line-height:1.5}
header{background:var(--primary);color:#fff;padding:1rem 1.5rem;display:flex;align-items:center;gap:.75rem}
header svg{height:2.25rem;width:auto}
header .brand{font-size:1.25rem;font-weight:700}
main{max-width:40rem;margin:1.5rem auto;background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=password]{width:100%;font-size:1rem;padding:.625rem;border:1px solid var(--muted);border-radius:.375rem}
fieldset{border:1px solid var(--line);border-radius:.375rem;margin:1rem 0;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.5rem 0}
.check input{margin-top:.3rem;width:1.1rem;height:1.1rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.5rem}
button{font-size:1rem;padding:.7rem 1.25rem;border-radius:.375rem;border:2px solid var(--primary);cursor:pointer;font-weight:600}
button.primary{background:var(--primary);color:#fff}
button.secondary{background:#fff;color:var(--primary)}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.error{color:var(--error);border-left:4px solid var(--error);padding:.5rem .75rem;background:#fdecea}
.muted{color:var(--muted);font-size:.9rem}
ul.groups{padding-left:1.25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0}
`;
}

/**
 * The page frame: `lang="pt-BR"`, one `<main>` landmark with the page's `<h1>`, inline CSS only
 * (no external assets: the pages must work behind any firewall and leak nothing to third parties).
 */
export function layout(brand: PageBrand, title: string, body: SafeHtml): string {
  const logo = brand.logoSvg ? trusted(brand.logoSvg) : '';
  return html`<!DOCTYPE html>
    <html lang="pt-BR">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title} · ${brand.name}</title>
        <style>
          ${trusted(styles(safeColour(brand.primaryColor)))}
        </style>
      </head>
      <body>
        <header><span aria-hidden="true">${logo}</span><span class="brand">${brand.name}</span></header>
        <main id="conteudo">${body}</main>
      </body>
    </html>`.value;
}

/** Security headers for every customer page: no framing, no caching, nothing loaded from elsewhere. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // form-action is left out on purpose: the confirm button's redirect chain ends at the
  // receiver's redirect_uri, which a form-action list would block.
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'",
};
