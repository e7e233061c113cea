import { HOLDER_APIS, HOLDER_API_NAMES } from '../holder/index.ts';
import { PAYMENTS_PATH } from '../payments/index.ts';

export interface ApiFamily {
  family: string;
  version: number;
  paths: string[];
}

/**
 * The API families a simulated holder brand publishes in the participants list
 * (`ApiResources[].ApiFamilyType`, participants 1.0.0), with one discovery endpoint each, as
 * receivers use them to find which transmitter serves which API (DIGEST §9).
 */
export function holderApiFamilies(): ApiFamily[] {
  const major = (version: string) => Number(version.split('.')[0]);
  const data = HOLDER_API_NAMES.flatMap((name): ApiFamily[] => {
    const api = HOLDER_APIS[name];
    // The directory splits customers by person type.
    if (name === 'customers') {
      return [
        {
          family: 'customers-personal',
          version: major(api.version),
          paths: [`${api.basePath}/personal/identifications`],
        },
        {
          family: 'customers-business',
          version: major(api.version),
          paths: [`${api.basePath}/business/identifications`],
        },
      ];
    }
    const first =
      name === 'resources'
        ? '/resources'
        : name === 'credit-cards-accounts'
          ? '/accounts'
          : name === 'accounts'
            ? '/accounts'
            : '/contracts';
    return [{ family: name, version: major(api.version), paths: [`${api.basePath}${first}`] }];
  });
  return [
    { family: 'consents', version: 3, paths: ['/open-banking/consents/v3/consents'] },
    ...data,
    { family: 'payments-consents', version: 4, paths: [`${PAYMENTS_PATH}/consents`] },
    { family: 'payments-pix', version: 4, paths: [`${PAYMENTS_PATH}/pix/payments`] },
  ];
}
