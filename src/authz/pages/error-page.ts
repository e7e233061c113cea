import { html } from './html.ts';
import { layout, type PageBrand } from './layout.ts';

/** A customer-facing error: what happened in plain Portuguese, never internals. */
export function errorPage(brand: PageBrand, message: string): string {
  return layout(
    brand,
    'Não foi possível continuar',
    html`<h1>Não foi possível continuar</h1>
      <p class="error" role="alert">${message}</p>
      <p>Volte ao aplicativo ou site da instituição que iniciou o pedido e tente novamente.</p>`,
  );
}
