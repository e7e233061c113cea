import type { ResourceType } from '../../connectors/index.ts';
import { dataGroupsOf } from './data-groups.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageBrand } from './layout.ts';

export interface ConsentPageInput {
  brand: PageBrand;
  action: string;
  clientName: string;
  permissions: readonly string[];
  expirationDateTime: Date | null;
  choices: ReadonlyArray<{ type: ResourceType; value: string; label: string }>;
  familyLabels: Readonly<Record<ResourceType, string>>;
  /** Values checked when the page is shown again after an error. */
  checked?: readonly string[];
  error?: string;
}

/** dd/mm/aaaa in Brasília time, as a customer reads dates. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo', dateStyle: 'short' }).format(date);
}

function groupsList(permissions: readonly string[]): SafeHtml {
  const groups = dataGroupsOf(permissions);
  return html`<ul class="groups">
    ${groups.map((g) => html`<li><strong>${g.category}:</strong> ${g.label}</li>`)}
  </ul>`;
}

function choicesFieldsets(input: ConsentPageInput): SafeHtml {
  const checked = new Set(input.checked ?? input.choices.map((c) => c.value));
  const families = [...new Set(input.choices.map((c) => c.type))];
  return html`${families.map((family) => {
    const items = input.choices.filter((c) => c.type === family);
    return html`<fieldset>
      <legend>${input.familyLabels[family]}</legend>
      ${items.map(
        (c, i) =>
          html`<label class="check" for="r-${family}-${i}"
            ><input
              type="checkbox"
              id="r-${family}-${i}"
              name="resources"
              value="${c.value}"
              ${checked.has(c.value) ? 'checked' : ''}
            />
            <span>${c.label}</span></label
          >`,
      )}
    </fieldset>`;
  })}`;
}

/**
 * The consent page (FAPI-BR 1.0 ID3 §7; consents 3.3.1 §2.5): who asks (client_name), which
 * data (permission groups in Portuguese), until when, and which accounts, cards and contracts,
 * each a checkbox `resources`. Buttons `action=confirm` and `action=refuse`.
 */
export function consentPage(input: ConsentPageInput): string {
  const until =
    input.expirationDateTime === null
      ? 'por prazo indeterminado, até você cancelar'
      : `até ${formatDate(input.expirationDateTime)}`;
  return layout(
    input.brand,
    'Confirmar compartilhamento',
    html`<h1>Confirmar compartilhamento de dados</h1>
      ${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
      <p><strong>${input.clientName}</strong> quer acessar os seguintes dados seus em ${input.brand.name}:</p>
      ${groupsList(input.permissions)}
      <p>O compartilhamento vale <strong>${until}</strong>. Você pode cancelá-lo quando quiser.</p>
      <form method="post" action="${input.action}">
        ${
          input.choices.length > 0
            ? html`<h2>Escolha o que compartilhar</h2>
                ${choicesFieldsets(input)}`
            : html`<p class="muted">Nenhuma conta ou produto precisa ser escolhido para este pedido.</p>`
        }
        <div class="actions">
          <button type="submit" name="action" value="confirm" class="primary">
            Confirmar compartilhamento
          </button>
          <button type="submit" name="action" value="refuse" class="secondary">Recusar</button>
        </div>
      </form>`,
  );
}
