import { stableId } from '../directory/index.ts';
import type { RegulatoryRole } from '../directory/index.ts';

/**
 * Who lives in the simulated ecosystem. Data, not code (DESIGN §2): brands differ by size and
 * theme; ids are stable across restarts (derived from names) so the manifest and the seeded data
 * keep matching.
 */
export interface SimHolder {
  brandId: string;
  name: string;
  /** Legal name (razão social) for certificates and the directory. */
  legalName: string;
  cnpj: string;
  orgId: string;
  /** Customers seeded for this brand (holders of different sizes). */
  customers: number;
  theme: { primaryColor: string; accentColor: string };
  /** Regulatory roles in the directory; DADOS and CONTA (a holder of accounts) unless given. */
  roles?: RegulatoryRole[];
}

export interface SimReceiver {
  orgId: string;
  organisationName: string;
  cnpj: string;
  softwareStatementId: string;
  clientName: string;
  roles: RegulatoryRole[];
}

function holder(
  brandId: string,
  name: string,
  cnpj: string,
  customers: number,
  primary: string,
  accent: string,
): SimHolder {
  return {
    brandId,
    name,
    legalName: `${name} S.A.`,
    cnpj,
    orgId: stableId('ponte-sim', 'organisation', brandId),
    customers,
    theme: { primaryColor: primary, accentColor: accent },
  };
}

function receiver(slug: string, organisationName: string, cnpj: string, clientName: string): SimReceiver {
  return {
    orgId: stableId('ponte-sim', 'organisation', slug),
    organisationName,
    cnpj,
    softwareStatementId: stableId('ponte-sim', 'software', slug),
    clientName,
    roles: ['DADOS', 'PAGTO'],
  };
}

/**
 * The receiver brand Ponte itself runs in the simulator (src/app/receiver-brand.ts): its own
 * software, so the manifest's softwares stay free for outside clients to register with.
 */
export function simPonteReceiver(): SimReceiver & { brandId: string } {
  return {
    brandId: 'ponte-receptora',
    ...receiver('ponte-receptora', 'Ponte Receptora Ltda', '66677788000183', 'Ponte Receptora'),
  };
}

/** Three holders of different sizes; customers with the same CPF hold accounts at several of them. */
export function simHolders(scale: number): SimHolder[] {
  const n = (share: number) => Math.max(1, Math.round(scale * share));
  return [
    holder('banco-ponte', 'Banco Ponte', '11222333000181', n(1), '#0b5394', '#f1c232'),
    holder('banco-aurora', 'Banco Aurora', '22233344000183', n(0.5), '#7a1f5c', '#f6b26b'),
    holder('coop-serra', 'Cooperativa Serra', '33344455000183', n(0.25), '#274e13', '#93c47d'),
  ];
}

/** Two receiver/initiator softwares of different organisations, so cross-client checks are possible. */
export function simReceivers(): SimReceiver[] {
  return [
    receiver('fintech-alfa', 'Fintech Alfa Ltda', '44455566000183', 'Alfa Finanças'),
    receiver('fintech-beta', 'Fintech Beta Ltda', '55566677000183', 'Beta Crédito'),
  ];
}
