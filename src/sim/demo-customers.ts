import { generateCustomer } from '../sample-bank/index.ts';

export interface DemoCustomer {
  type: 'PF' | 'PJ';
  name: string;
  /** The CPF that logs in (for a company: its legal representative's). */
  cpf: string;
  /** The company's CNPJ (business consents' `businessEntity`). */
  cnpj?: string;
  password: string;
}

/**
 * A few customers an operator (or a conformance tool) can log in as: the first people of the
 * shared population, who hold accounts at every simulated brand, and the first company.
 */
export function demoCustomers(input: {
  seed: number;
  population: string;
  customersAtSmallestBrand: number;
  password: string;
}): DemoCustomer[] {
  const g = { seed: input.seed, brandId: input.population, population: input.population, asOf: '2026-01-01' };
  const people: DemoCustomer[] = [];
  let company: DemoCustomer | undefined;
  for (let i = 0; i < input.customersAtSmallestBrand && (people.length < 3 || !company); i++) {
    const c = generateCustomer(g, i);
    if (c.personType === 'PESSOA_NATURAL' && people.length < 3) {
      people.push({ type: 'PF', name: c.name, cpf: c.document, password: input.password });
    } else if (c.personType === 'PESSOA_JURIDICA' && !company) {
      const representative = c.procurators.find(
        (p) => p.type === 'REPRESENTANTE_LEGAL' && p.document.length === 11,
      );
      if (representative) {
        company = {
          type: 'PJ',
          name: c.name,
          cpf: representative.document,
          cnpj: c.document,
          password: input.password,
        };
      }
    }
  }
  return company ? [...people, company] : people;
}
