import type { KoaContextWithOIDC } from 'oidc-provider';
import { errorPage } from '../pages/error-page.ts';
import { PAGE_HEADERS, type PageBrand } from '../pages/layout.ts';

const MESSAGES: Readonly<Record<string, string>> = {
  invalid_request: 'O pedido de autorização é inválido ou já expirou.',
  invalid_request_uri: 'O pedido de autorização expirou ou já foi usado.',
  access_denied: 'O acesso foi negado.',
  invalid_client: 'A instituição que fez o pedido não foi reconhecida.',
  unsupported_response_type: 'O pedido de autorização usa um formato não aceito.',
};

/**
 * `renderError`: errors the provider cannot send back to the client (no valid redirect_uri)
 * are shown to the customer on a branded page, in Portuguese, with the OAuth code for support
 * and nothing else (no descriptions, no internals).
 */
export function renderError(brand: PageBrand) {
  return (ctx: KoaContextWithOIDC, out: { error?: string }) => {
    const code = typeof out.error === 'string' ? out.error : 'server_error';
    const message = MESSAGES[code] ?? 'Ocorreu um erro ao processar o pedido de autorização.';
    for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
    ctx.type = 'html';
    ctx.body = errorPage(brand, `${message} (código: ${code})`);
  };
}
