import { html } from './html.ts';
import { layout, type PageBrand } from './layout.ts';

/** Shown on the login page when the institution's authentication service does not answer. */
export const AUTHENTICATION_UNAVAILABLE =
  'O serviço de autenticação está temporariamente indisponível. Tente novamente em alguns minutos.';

/**
 * The customer authenticated, but not at the level this request needs (e.g. a payment that
 * requires two factors): said plainly, with one way out, back to the receiver that asked.
 */
export function insufficientAuthenticationPage(input: {
  brand: PageBrand;
  clientName: string;
  /** Where the button posts: ends the request and returns to the receiver. */
  action: string;
}): string {
  return layout(
    input.brand,
    'Autenticação insuficiente',
    html`<h1>Autenticação insuficiente</h1>
      <p class="error" role="alert">
        Este pedido de <strong>${input.clientName}</strong> exige uma autenticação mais forte (com dois
        fatores) do que a realizada. Nenhum dado foi compartilhado.
      </p>
      <form method="post" action="${input.action}">
        <div class="actions">
          <button type="submit" class="primary">Voltar para ${input.clientName}</button>
        </div>
      </form>`,
  );
}

/** A redirect authentication that cannot start or finish now; the link starts it again. */
export function authenticationUnavailablePage(input: { brand: PageBrand; retryHref: string }): string {
  return layout(
    input.brand,
    'Serviço indisponível',
    html`<h1>Serviço indisponível</h1>
      <p class="error" role="alert">${AUTHENTICATION_UNAVAILABLE}</p>
      <p><a href="${input.retryHref}">Tentar novamente</a></p>`,
  );
}
