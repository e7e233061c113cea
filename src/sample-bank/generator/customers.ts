import { generateCnpj, generateCpf } from '../../platform/documents/index.ts';
import type { BusinessParty, IsoDate, MaritalStatusCode } from '../../connectors/index.ts';
import { DAY_MS, dayNumber, isoDateOfDay } from './calendar.ts';
import { generateContacts } from './contacts.ts';
import { POOL_SIZES, companyName } from './counterparties.ts';
import type { SampleCompany, SampleCustomer, SamplePerson, SampleProcurator } from './model.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, asciiSlug } from './names.ts';
import { CNAE_CODES, OCCUPATIONS } from './occupations.ts';
import { createRandom, type Random } from './random.ts';

/** Share of the customer base that are companies. */
export const LEGAL_PERSON_SHARE = 0.15;

export interface CustomerGeneration {
  readonly seed: number;
  readonly brandId: string;
  /**
   * Whose people these are: brands of one population (and seed) share their customers — customer
   * `i` is the same person, same CPF, at each of them — as real people bank at several
   * institutions. Defaults to the brand itself.
   */
  readonly population?: string;
  /** The day the data is "as of": histories end here. */
  readonly asOf: IsoDate;
}

function customerRandom(g: CustomerGeneration, index: number, part: string): Random {
  return createRandom(g.seed, g.population ?? g.brandId, 'customer', index, part);
}

/**
 * The customer's id at this brand: drawn from the brand's own stream, so a person shared by a
 * population has a different id at each brand (ids are the brand's, the person is not).
 */
function customerIdOf(g: CustomerGeneration, index: number): string {
  return createRandom(g.seed, g.brandId, 'customer', index, 'id').uuid();
}

export function isLegalPerson(g: CustomerGeneration, index: number): boolean {
  return customerRandom(g, index, 'kind').chance(LEGAL_PERSON_SHARE);
}

function dateTime(day: number, random: Random): string {
  return new Date(day * DAY_MS + random.int(9 * 3600, 20 * 3600) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

function personName(random: Random, sex: 'FEMININO' | 'MASCULINO'): string {
  const first = random.pick(sex === 'FEMININO' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const middle = random.chance(0.3)
    ? ` ${random.pick(sex === 'FEMININO' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)}`
    : '';
  const surnames = random.chance(0.7)
    ? `${random.pick(SURNAMES)} ${random.pick(SURNAMES)}`
    : random.pick(SURNAMES);
  return `${first}${middle} ${surnames}`;
}

/** A natural person: identity, contacts, occupation and income, relationship dates. */
export function generatePerson(g: CustomerGeneration, index: number): SamplePerson {
  const random = customerRandom(g, index, 'person');
  const asOf = dayNumber(g.asOf);
  const sex = random.chance(0.51) ? 'FEMININO' : 'MASCULINO';
  const name = personName(random, sex);
  const age = Math.min(90, Math.max(18, Math.round(18 + random.logNormal(20, 0.55))));
  const birthDay = asOf - age * 365 - random.int(0, 364);
  const { contacts } = generateContacts(random, name, { business: false });
  const retired = age >= 65 && random.chance(0.8);
  const [occupation, median] = retired
    ? ['Aposentado', 2100]
    : random.weighted(OCCUPATIONS.map(([d, m, w]) => [[d, m] as const, w]));
  const monthlyIncome = Math.max(1412, Math.round(random.logNormal(median, 0.35)));
  const marital: MaritalStatusCode =
    age < 25
      ? 'SOLTEIRO'
      : random.weighted<MaritalStatusCode>([
          ['CASADO', 45],
          ['SOLTEIRO', 30],
          ['DIVORCIADO', 10],
          ['UNIAO_ESTAVEL', 10],
          ['VIUVO', age > 60 ? 12 : 2],
        ]);
  const relationshipDay = asOf - random.int(60, Math.min(age - 17, 25) * 365);
  const procurators: SampleProcurator[] = [];
  if (random.chance(age > 75 ? 0.25 : 0.02)) {
    procurators.push({
      type: 'PROCURADOR',
      document: generateCpf(random),
      civilName: personName(random, random.chance(0.5) ? 'FEMININO' : 'MASCULINO'),
    });
  }
  return {
    index,
    customerId: customerIdOf(g, index),
    personType: 'PESSOA_NATURAL',
    document: generateCpf(random),
    name,
    birthDate: isoDateOfDay(birthDay),
    relationshipStart: dateTime(relationshipDay, random),
    updateDateTime: dateTime(asOf - random.int(1, 400), random),
    contacts,
    procurators,
    monthlyIncomeCents: monthlyIncome * 100,
    activity: Math.min(2.5, Math.max(0.4, random.logNormal(1, 0.35))),
    ...(retired ? {} : { employer: random.int(0, POOL_SIZES.EMPLOYER - 1) }),
    identification: {
      sex,
      maritalStatusCode: marital,
      hasBrazilianNationality: true,
      otherDocuments: [
        {
          type: 'RG',
          number: String(random.int(10_000_000, 59_999_999)),
          checkDigit: String(random.int(0, 9)),
          additionalInfo: 'SSP',
        },
      ],
      filiation: [{ type: 'MAE', civilName: personName(random, 'FEMININO') }],
    },
    qualification: {
      occupationCode: retired ? 'OUTRO' : 'CBO',
      occupationDescription: occupation,
      informedIncome: {
        frequency: 'MENSAL',
        amount: { amount: `${monthlyIncome}.00`, currency: 'BRL' },
        date: isoDateOfDay(relationshipDay),
      },
      informedPatrimony: {
        amount: { amount: `${Math.round(random.logNormal(monthlyIncome * 12, 0.8))}.00`, currency: 'BRL' },
        year: Number(g.asOf.slice(0, 4)) - 1,
      },
    },
  };
}

/**
 * The natural person who represents company `index`: the nearest natural-person customer before
 * it, so a business consent can be walked by a CPF that is itself a customer. Before the first
 * natural person, an outsider is made up.
 */
function representativeOf(g: CustomerGeneration, index: number, random: Random): SampleProcurator {
  for (let j = index - 1; j >= Math.max(0, index - 50); j -= 1) {
    if (!isLegalPerson(g, j)) {
      const person = generatePerson(g, j);
      return { type: 'REPRESENTANTE_LEGAL', document: person.document, civilName: person.name };
    }
  }
  return {
    type: 'REPRESENTANTE_LEGAL',
    document: generateCpf(random),
    civilName: personName(random, 'FEMININO'),
  };
}

/** Partners (one, or two splitting the capital) and the administrator, who is the representative. */
function companyParties(
  random: Random,
  representative: SampleProcurator,
  startDate: string,
): BusinessParty[] {
  const main = {
    personType: 'PESSOA_NATURAL',
    civilName: representative.civilName,
    documentType: 'CPF',
    documentNumber: representative.document,
    startDate,
  } as const;
  if (!random.chance(0.4)) {
    return [
      { ...main, type: 'SOCIO', shareholding: '1.000000' },
      { ...main, type: 'ADMINISTRADOR' },
    ];
  }
  const share = random.int(10, 49);
  const sex = random.chance(0.5) ? 'FEMININO' : 'MASCULINO';
  return [
    { ...main, type: 'SOCIO', shareholding: `0.${100 - share}0000` },
    {
      ...main,
      type: 'SOCIO',
      civilName: personName(random, sex),
      documentNumber: generateCpf(random),
      shareholding: `0.${share}0000`,
    },
    { ...main, type: 'ADMINISTRADOR' },
  ];
}

/** A legal person: company data, partners, representatives, activities and revenue. */
export function generateCompany(g: CustomerGeneration, index: number): SampleCompany {
  const random = customerRandom(g, index, 'company');
  const asOf = dayNumber(g.asOf);
  const { legal, trade } = companyName(random);
  const incorporationDay = asOf - random.int(200, 30 * 365);
  const { contacts } = generateContacts(random, trade, {
    business: true,
    domain: `${asciiSlug(trade).replace(/\./g, '')}.com.br`,
  });
  const representative = representativeOf(g, index, random);
  const parties = companyParties(random, representative, `${isoDateOfDay(incorporationDay)}T00:00:00Z`);
  const procurators: SampleProcurator[] = [representative];
  if (random.chance(0.3))
    procurators.push({
      type: 'PROCURADOR',
      document: generateCnpj(random),
      civilName: `Contabilidade ${random.pick(SURNAMES)} LTDA`,
    });
  const monthlyRevenue = Math.round(random.logNormal(60_000, 0.9));
  const activities = [random.pick(CNAE_CODES), ...(random.chance(0.4) ? [random.pick(CNAE_CODES)] : [])];
  return {
    index,
    customerId: customerIdOf(g, index),
    personType: 'PESSOA_JURIDICA',
    document: generateCnpj(random),
    name: legal,
    socialName: trade,
    birthDate: isoDateOfDay(incorporationDay),
    relationshipStart: dateTime(Math.max(incorporationDay, asOf - random.int(60, 15 * 365)), random),
    updateDateTime: dateTime(asOf - random.int(1, 400), random),
    contacts,
    procurators,
    monthlyIncomeCents: monthlyRevenue * 100,
    activity: Math.min(2.5, Math.max(0.6, random.logNormal(1.3, 0.3))),
    identification: {
      parties,
      otherDocuments: [
        { type: 'INSCRICAO_ESTADUAL', number: String(random.int(100_000_000, 999_999_999)), country: 'BRA' },
      ],
    },
    qualification: {
      economicActivities: [...new Set(activities)].map((code, i) => ({ code, isMain: i === 0 })),
      informedRevenue: {
        frequency: 'ANUAL',
        amount: { amount: `${monthlyRevenue * 12}.00`, currency: 'BRL' },
        year: Number(g.asOf.slice(0, 4)) - 1,
      },
      informedPatrimony: {
        amount: { amount: `${Math.round(random.logNormal(monthlyRevenue * 4, 0.7))}.00`, currency: 'BRL' },
        date: `${Number(g.asOf.slice(0, 4)) - 1}-12-31`,
      },
    },
  };
}

/** Customer `index` of the brand: a company with probability `LEGAL_PERSON_SHARE`, else a person. */
export function generateCustomer(g: CustomerGeneration, index: number): SampleCustomer {
  return isLegalPerson(g, index) ? generateCompany(g, index) : generatePerson(g, index);
}
