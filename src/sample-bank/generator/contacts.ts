import type {
  CustomerContacts,
  CustomerEmail,
  CustomerPhone,
  PostalAddress,
} from '../../connectors/index.ts';
import {
  DISTRICTS,
  EMAIL_DOMAINS,
  FEMALE_FIRST_NAMES,
  STREET_HONOREES,
  STREET_TYPES,
  SURNAMES,
  asciiSlug,
} from './names.ts';
import { TOWN_CHOICES, type Town } from './places.ts';
import type { Random } from './random.ts';

/** A street address in `town`: street, number, complement, district, CEP and coordinates. */
export function generateAddress(random: Random, town: Town, isMain: boolean): PostalAddress {
  const street = random.chance(0.5)
    ? random.pick(STREET_HONOREES)
    : `${random.pick(FEMALE_FIRST_NAMES)} ${random.pick(SURNAMES)}`;
  const number = random.chance(0.03) ? 'S/N' : String(random.int(1, 3500));
  const cep =
    String(random.int(town.cep[0], town.cep[1])).padStart(5, '0') +
    String(random.int(0, 999)).padStart(3, '0');
  const complement = random.chance(0.35) ? `Apto ${random.int(1, 30)}${random.int(0, 4)}` : undefined;
  return {
    isMain,
    address: `${random.weighted(STREET_TYPES)} ${street}, ${number}`,
    ...(complement === undefined ? {} : { additionalInfo: complement }),
    districtName: random.pick(DISTRICTS),
    townName: town.name,
    ibgeTownCode: town.ibge,
    countrySubDivision: town.uf,
    postCode: cep,
    country: 'Brasil',
    countryCode: 'BRA',
    geographicCoordinates: {
      latitude: (town.lat + (random.next() - 0.5) * 0.1).toFixed(6),
      longitude: (town.lon + (random.next() - 0.5) * 0.1).toFixed(6),
    },
  };
}

export function generatePhone(
  random: Random,
  town: Town,
  type: 'MOVEL' | 'FIXO',
  isMain: boolean,
): CustomerPhone {
  const number =
    type === 'MOVEL'
      ? `9${random.int(6000, 9999)}${random.int(0, 9999).toString().padStart(4, '0')}`
      : `${random.int(2000, 5999)}${random.int(0, 9999).toString().padStart(4, '0')}`;
  return { isMain, type, countryCallingCode: '55', areaCode: town.ddd, number };
}

export function generateEmail(random: Random, displayName: string, isMain: boolean): CustomerEmail {
  const parts = asciiSlug(displayName).split('.');
  const local = random.chance(0.5)
    ? `${parts[0]}.${parts[parts.length - 1]}`
    : `${parts[0]}${random.int(1, 9999)}`;
  return { isMain, email: `${local}@${random.weighted(EMAIL_DOMAINS)}` };
}

/** Addresses, phones and e-mails for a customer living (or established) in a random town. */
export function generateContacts(
  random: Random,
  displayName: string,
  options: { business: boolean; domain?: string },
): { contacts: CustomerContacts; town: Town } {
  const town = random.weighted(TOWN_CHOICES);
  const postalAddresses = [generateAddress(random, town, true)];
  if (random.chance(0.1)) postalAddresses.push(generateAddress(random, random.weighted(TOWN_CHOICES), false));
  const phones = [generatePhone(random, town, options.business ? 'FIXO' : 'MOVEL', true)];
  if (random.chance(options.business ? 0.6 : 0.25)) {
    phones.push(generatePhone(random, town, options.business ? 'MOVEL' : 'FIXO', false));
  }
  const emails =
    options.business && options.domain !== undefined
      ? [{ isMain: true, email: `${random.pick(['contato', 'financeiro', 'adm'])}@${options.domain}` }]
      : [generateEmail(random, displayName, true)];
  return { contacts: { postalAddresses, phones, emails }, town };
}
