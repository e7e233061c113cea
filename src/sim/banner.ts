import type { Ecosystem } from './ecosystem.ts';

/** What runs where, and how to log in: printed once the simulated ecosystem is up. */
export function ecosystemBanner(ecosystem: Ecosystem, operatorUrl: string): string {
  const { manifest } = ecosystem;
  const lines = [
    '',
    'Ponte simulated Open Finance ecosystem',
    `  operator API     ${operatorUrl}  (/health/ready, /metrics)`,
    `  directory        ${manifest.directory.participantsUrl}`,
  ];
  for (const brand of manifest.brands) {
    lines.push(`  ${brand.name.padEnd(16)} issuer ${brand.issuer}   APIs (mTLS) ${brand.apiBaseUrl}`);
  }
  if (manifest.receiver) {
    lines.push(`  Ponte receiver   ${manifest.receiver.apiBaseUrl}/receiver/v1  (consents, data, payments)`);
  }
  for (const software of manifest.softwares) {
    lines.push(`  outside client   ${software.clientName} (software ${software.softwareStatementId})`);
  }
  lines.push(`  manifest         ${ecosystem.manifestFile}`, '', 'Demo customers (every brand):');
  for (const c of manifest.brands[0]?.customers ?? []) {
    const who = c.type === 'PJ' ? `${c.name} (CNPJ ${c.cnpj}) via representative` : c.name;
    lines.push(`  CPF ${c.cpf}  password ${c.password}  ${who}`);
  }
  return `${lines.join('\n')}\n\n`;
}
