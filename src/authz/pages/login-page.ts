import { html } from './html.ts';
import { layout, type PageBrand } from './layout.ts';

export interface LoginPageInput {
  brand: PageBrand;
  /** Where the form posts (the interaction's login action). */
  action: string;
  /** The receiver that asked (client_name). */
  clientName: string;
  /** The CPF typed before, to keep on a failed attempt. */
  cpf?: string;
  error?: string;
}

/**
 * The login page: CPF and password (form fields `cpf` and `password`, README "Customer pages").
 * Labels tied to inputs, autocomplete hints, the error announced and linked to the fields.
 */
export function loginPage(input: LoginPageInput): string {
  const describedBy = input.error ? 'erro-login' : undefined;
  return layout(
    input.brand,
    'Entrar',
    html`<h1>Entre para continuar</h1>
      <p>
        <strong>${input.clientName}</strong> pediu acesso a dados seus em ${input.brand.name}. Entre com seu
        CPF e senha para ver o pedido.
      </p>
      ${input.error ? html`<p class="error" id="erro-login" role="alert">${input.error}</p>` : ''}
      <form method="post" action="${input.action}" novalidate>
        <label for="cpf">CPF</label>
        <input
          type="text"
          id="cpf"
          name="cpf"
          inputmode="numeric"
          autocomplete="username"
          required
          value="${input.cpf ?? ''}"
          ${describedBy ? html`aria-describedby="${describedBy}" aria-invalid="true"` : ''}
          autofocus
        />
        <label for="password">Senha</label>
        <input
          type="password"
          id="password"
          name="password"
          autocomplete="current-password"
          required
          ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
        />
        <div class="actions"><button type="submit" class="primary">Entrar</button></div>
      </form>`,
  );
}
