import type { ConsentResourceAccess, Permission } from '../../consents/index.ts';
import type { CoreResource, CoreResourceStatus, ResourceType } from '../../connectors/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { HolderErrors } from '../errors.ts';
import type { LinkedResourceStatus } from './context.ts';

// The consent checks of the resource guard, one rule each, as Open Finance Brasil states them:
// consents 3.3.1 §2.1 (AUTHORISED, permissions), Confluence "Orientações – [DC] Contas / Cartão
// de Crédito / Dados Cadastrais" (401 for a consent not authorised, revoked or expired; 403 with
// RESOURCE_FORBIDDEN or STATUS_RESOURCE_* for a resource).

/** The consent a token names: its `consent:<id>` scope (FAPI-BR), or the token's own claim. */
export function consentIdOf(token: { consentId?: string; scopes: ReadonlySet<string> }): string | undefined {
  if (token.consentId !== undefined) return token.consentId;
  for (const scope of token.scopes) if (scope.startsWith('consent:')) return scope.slice('consent:'.length);
  return undefined;
}

/** Throws the 401 for a consent that is not AUTHORISED and within its term at `now`. */
export function assertConsentActive(consent: ConsentResourceAccess, now: Date): void {
  if (consent.status === 'AWAITING_AUTHORISATION') {
    throw new AppError(HolderErrors.CONSENT_NOT_AUTHORISED, 'O consentimento ainda não foi autorizado.');
  }
  if (consent.status === 'REJECTED') {
    switch (consent.rejectionReason) {
      case 'CUSTOMER_MANUALLY_REVOKED':
        throw new AppError(HolderErrors.CONSENT_REVOKED, 'O consentimento foi revogado.');
      case 'CONSENT_MAX_DATE_REACHED':
      case 'CONSENT_EXPIRED':
        throw new AppError(HolderErrors.CONSENT_EXPIRED, 'O consentimento expirou.');
      default:
        throw new AppError(HolderErrors.CONSENT_REJECTED, 'O consentimento foi rejeitado.');
    }
  }
  if (consent.expirationDateTime !== null && consent.expirationDateTime.getTime() <= now.getTime()) {
    throw new AppError(HolderErrors.CONSENT_EXPIRED, 'O consentimento expirou.');
  }
}

export function assertPermission(consent: ConsentResourceAccess, permission: Permission): void {
  if (!consent.permissions.includes(permission)) {
    throw new AppError(
      HolderErrors.PERMISSION_NOT_GRANTED,
      `O consentimento não concede a permissão ${permission} exigida por este endpoint.`,
    );
  }
}

/**
 * The current status of each resource of `type` the consent links: the link's own status
 * (PENDING_AUTHORISATION while approvals are missing) unless AVAILABLE, then the core system's;
 * a linked resource the core no longer lists is UNAVAILABLE.
 */
export function linkedStatuses(
  consent: ConsentResourceAccess,
  type: ResourceType,
  core: readonly CoreResource[],
): Map<string, LinkedResourceStatus> {
  const coreStatus = new Map<string, CoreResourceStatus>();
  for (const r of core) if (r.type === type) coreStatus.set(r.resourceId, r.status);
  const statuses = new Map<string, LinkedResourceStatus>();
  for (const link of consent.resources) {
    if (link.type !== type) continue;
    statuses.set(
      link.resourceId,
      link.status === 'AVAILABLE' ? (coreStatus.get(link.resourceId) ?? 'UNAVAILABLE') : link.status,
    );
  }
  return statuses;
}

/** Throws the 403 the resource-status tables give for a resource that cannot be read now. */
export function assertResourceReadable(status: LinkedResourceStatus | undefined): void {
  switch (status) {
    case 'AVAILABLE':
      return;
    case undefined:
      throw new AppError(
        HolderErrors.RESOURCE_FORBIDDEN,
        'O recurso solicitado não faz parte do consentimento.',
      );
    case 'PENDING_AUTHORISATION':
      throw new AppError(
        HolderErrors.STATUS_RESOURCE_PENDING_AUTHORISATION,
        'O recurso aguarda a autorização de múltiplas alçadas.',
      );
    case 'TEMPORARILY_UNAVAILABLE':
      throw new AppError(
        HolderErrors.STATUS_RESOURCE_TEMPORARILY_UNAVAILABLE,
        'O recurso está temporariamente indisponível.',
      );
    case 'UNAVAILABLE':
      throw new AppError(HolderErrors.STATUS_RESOURCE_UNAVAILABLE, 'O recurso está indisponível.');
  }
}
