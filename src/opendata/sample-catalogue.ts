import { sampleProducts } from './sample-products.ts';
import type { OpenDataCatalogue } from './catalogue.ts';

/**
 * A small catalogue for a simulated brand (its name and CNPJ in every product, one branch, the
 * digital and phone channels): valid against products-services and channels, for the demo and
 * the tests. A real institution writes its own catalogue.
 */
export function sampleOpenDataCatalogue(input: {
  brandName: string;
  companyName: string;
  cnpj: string;
  website: string;
}): OpenDataCatalogue {
  const participant = { brand: input.brandName, name: input.companyName, cnpjNumber: input.cnpj };
  const service = (name: string, code: string) => ({ name, code });
  const core = [
    service('ABERTURA_CONTAS_DEPOSITOS_OU_PAGAMENTO_PRE_PAGA', 'ABRE_CONTA_DEPOSITO_OU_PRE_PAGA'),
    service(
      'CONSULTA_SALDOS_EXTRATOS_CONTAS_DEPOSITOS_CONTAS_PAGAMENTOS',
      'CONSULTA_SALDOS_EXTRATOS_CONTAS_DEPOSITOS_PAGTOS',
    ),
  ];
  const weekdays = ['SEGUNDA_FEIRA', 'TERCA_FEIRA', 'QUARTA_FEIRA', 'QUINTA_FEIRA', 'SEXTA_FEIRA'];
  return {
    products: sampleProducts(input),
    channels: {
      branches: [
        {
          participant,
          identification: { type: 'AGENCIA', code: '0001', checkDigit: '9', name: 'Agência Central' },
          postalAddress: {
            address: 'Avenida Paulista, 1000',
            districtName: 'Bela Vista',
            townName: 'São Paulo',
            ibgeCode: '3550308',
            countrySubDivision: 'SP',
            postCode: '01310100',
            country: 'Brasil',
            countryCode: 'BRA',
          },
          availability: {
            standards: weekdays.map((weekday) => ({
              weekday,
              openingTime: '13:00:00Z',
              closingTime: '19:00:00Z',
            })),
            isPublicAccessAllowed: true,
          },
          phones: [{ type: 'FIXO', countryCallingCode: '55', areaCode: '11', number: '30001000' }],
          services: core,
        },
      ],
      'electronic-channels': [
        { participant, identification: { type: 'INTERNET_BANKING', urls: [input.website] }, services: core },
      ],
      'phone-channels': [
        {
          participant,
          identification: {
            type: 'CENTRAL_TELEFONICA',
            phones: [{ countryCallingCode: '55', areaCode: '11', number: '40040000' }],
          },
          services: core,
        },
      ],
    },
  };
}
