import { formatDateBr } from '../domain/dates.ts';
import { formatBrl } from '../domain/money.ts';
import type { PaymentConsent } from './model.ts';

/** What authz hands the consent step's page (its ConsentPageInput, the parts used here). */
export interface AuthorisationPageInput {
  brand: { name: string; primaryColor: string; logoSvg?: string };
  action: string;
  clientName: string;
  choices: ReadonlyArray<{ type: string; value: string; label: string }>;
  checked?: readonly string[];
  error?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const e = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const colour = (value: string) => (/^#[0-9a-fA-F]{6}$/.test(value) ? value : '#1f4e99');

/** CPF/CNPJ shown as the Pix apps do: only the middle digits (***.456.789-**). */
export function maskDocument(document: string): string {
  return document.length === 11
    ? `***.${document.slice(3, 6)}.${document.slice(6, 9)}-**`
    : `**.${document.slice(2, 5)}.${document.slice(5, 8)}/${document.slice(8, 12)}-**`;
}

function whenText(consent: PaymentConsent): string {
  const dates = consent.paymentDates;
  if (!consent.scheduled) return `Pagamento imediato, em ${formatDateBr(dates[0]!)}`;
  if (dates.length === 1) return `Agendado para ${formatDateBr(dates[0]!)}`;
  return `${dates.length} pagamentos agendados, de ${formatDateBr(dates[0]!)} a ${formatDateBr(dates.at(-1)!)}`;
}

const STYLE = `*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1f;background:#f6f6f9;line-height:1.5}
header{background:var(--primary);color:#fff;padding:1rem 1.5rem;display:flex;align-items:center;gap:.75rem}header svg{height:2.25rem;width:auto}header .brand{font-size:1.25rem;font-weight:700}
main{max-width:40rem;margin:1.5rem auto;background:#fff;border:1px solid #d4d4dc;border-radius:.5rem;padding:1.5rem}h1{font-size:1.5rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}.amount{font-size:1.75rem;font-weight:700}
fieldset{border:1px solid #d4d4dc;border-radius:.375rem;margin:1rem 0;padding:.75rem 1rem}legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}.choice input{margin-top:.3rem;width:1.1rem;height:1.1rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.5rem}button{font-size:1rem;padding:.7rem 1.25rem;border-radius:.375rem;border:2px solid var(--primary);cursor:pointer;font-weight:600}
button.primary{background:var(--primary);color:#fff}button.secondary{background:#fff;color:var(--primary)}:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.error{color:#b3261e;border-left:4px solid #b3261e;padding:.5rem .75rem;background:#fdecea}.muted{color:#5a5a66;font-size:.9rem}`;

/**
 * The customer's page for a payment consent (white label, pt-BR, server-rendered, no external
 * assets): who asks, the amount, the creditor (name, masked document, account), when, and the
 * account to pay from, one radio `resources` per account (authz's form contract: `resources`
 * and `action=confirm|refuse`, posted to `action`).
 */
export function renderAuthorisationPage(consent: PaymentConsent, input: AuthorisationPageInput): string {
  const { creditor, payment, debtorAccount } = consent.request;
  const account = payment.details.creditorAccount;
  const checked = new Set(input.checked ?? (input.choices.length === 1 ? [input.choices[0]!.value] : []));
  const choices = input.choices
    .map(
      (c, i) =>
        `<label class="choice" for="conta-${i}"><input type="radio" id="conta-${i}" name="resources" value="${e(c.value)}"${checked.has(c.value) ? ' checked' : ''} required> <span>${e(c.label)}</span></label>`,
    )
    .join('');
  const indicated = debtorAccount
    ? `<p class="muted">O iniciador indicou a conta ${e(debtorAccount.issuer ? `agência ${debtorAccount.issuer}, ` : '')}nº ${e(debtorAccount.number)}.</p>`
    : '';
  const body = `<h1>Confirmar pagamento Pix</h1>
${input.error ? `<p class="error" role="alert">${e(input.error)}</p>` : ''}
<p><strong>${e(input.clientName)}</strong> quer iniciar um pagamento Pix a partir da sua conta em ${e(input.brand.name)}.</p>
<p class="amount">${e(formatBrl(payment.amount))}</p>
<dl>
<dt>Para</dt><dd>${e(creditor.name)} (${e(maskDocument(creditor.cpfCnpj))})</dd>
<dt>Conta de destino</dt><dd>ISPB ${e(account.ispb)}${account.issuer ? `, agência ${e(account.issuer)}` : ''}, conta ${e(account.number)}</dd>
${payment.details.proxy ? `<dt>Chave Pix</dt><dd>${e(payment.details.proxy)}</dd>` : ''}
<dt>Quando</dt><dd>${e(whenText(consent))}</dd>
</dl>
<form method="post" action="${e(input.action)}">
<fieldset><legend>Conta de origem</legend>${choices || '<p>Você não tem contas que possam fazer este pagamento.</p>'}</fieldset>
${indicated}
<div class="actions"><button type="submit" name="action" value="confirm" class="primary">Confirmar pagamento</button>
<button type="submit" name="action" value="refuse" class="secondary" formnovalidate>Recusar</button></div>
</form>`;
  return `<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>Confirmar pagamento Pix · ${e(input.brand.name)}</title><style>:root{--primary:${colour(input.brand.primaryColor)}}${STYLE}</style></head>
<body><header><span aria-hidden="true">${input.brand.logoSvg ?? ''}</span><span class="brand">${e(input.brand.name)}</span></header><main id="conteudo">${body}</main></body></html>`;
}
