import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';
import type { Consent } from '../domain/model.ts';
import { createConsentStore, type ConsentStore } from '../storage/consent-store.ts';
import { createExtensionStore, type ExtensionStore } from '../storage/extension-store.ts';

export interface ConsentServiceDeps {
  db: Database;
  clock: Clock;
  /**
   * Envelope FieldCipher for customer documents (CPF, CNPJ) and the customer's IP address; its
   * hash domain keys the lookups by CPF/CNPJ, so keep it stable (e.g. `consents.document`).
   */
  documents: FieldCipher;
  /** The specific part of new consent ids; a random UUID by default. */
  randomId?: () => string;
}

/** What every use case of the module shares: dependencies and the two stores. */
export interface ConsentContext {
  db: Database;
  clock: Clock;
  randomId: () => string;
  consents: ConsentStore;
  extensions: ExtensionStore;
}

export function createContext(deps: ConsentServiceDeps): ConsentContext {
  return {
    db: deps.db,
    clock: deps.clock,
    randomId: deps.randomId ?? randomUUID,
    consents: createConsentStore(deps.documents),
    extensions: createExtensionStore(deps.documents),
  };
}

export function notFound(): AppError {
  return new AppError(PlatformErrors.NOT_FOUND, 'Consentimento não encontrado.');
}

/**
 * A receiver may only see its own consents. Another client's consent is refused with 403
 * (consents.yaml Forbidden: "uma política de segurança foi violada"), as the reference mock
 * bank does; an unknown id is a 404.
 */
export function ownedBy(consent: Consent | undefined, clientId: string): Consent {
  if (consent === undefined) throw notFound();
  if (consent.clientId !== clientId) {
    throw new AppError(PlatformErrors.FORBIDDEN, 'O consentimento pertence a outro cliente.', {
      detail: { consentId: consent.consentId },
    });
  }
  return consent;
}
