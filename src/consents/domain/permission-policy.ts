import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';
import { ConsentErrors } from '../errors.ts';
import {
  BUSINESS_REGISTRATION,
  PERMISSION_GROUPS,
  PERSONAL_REGISTRATION,
  isFunctional,
  isPermission,
  productOf,
  type Permission,
  type PermissionGroup,
  type Product,
} from './permissions.ts';

export interface PermissionRequest {
  /** `data.permissions` as received (strings: the HTTP schema may not be the only caller). */
  permissions: readonly string[];
  /** `data.businessEntity` was sent: a PJ consent. */
  hasBusinessEntity: boolean;
}

/**
 * Checks the permissions of a new consent and returns the ones this brand grants, in the order
 * requested (consents.yaml info.description; DIGEST §2.4 "Validation rules"):
 * 1. a code outside the table, or a repeated one, is a malformed request → 400;
 * 2. PF/PJ: personal and business registration together → PERMISSAO_PF_PJ_EM_CONJUNTO; business
 *    registration without `businessEntity` → INFORMACOES_PJ_NAO_INFORMADAS; personal
 *    registration on a PJ consent → PERMISSOES_PJ_INCORRETAS;
 * 3. the request must be exactly a union of whole groups → COMBINACAO_PERMISSOES_INCORRETA;
 * 4. permissions of products the brand does not offer are dropped, except grouped products,
 *    whose group is kept whole when the brand offers any of its products;
 * 5. nothing functional left (only RESOURCES_READ, or nothing) → SEM_PERMISSOES_FUNCIONAIS_RESTANTES.
 */
export function grantablePermissions(
  request: PermissionRequest,
  supportedProducts: ReadonlySet<Product>,
): Permission[] {
  const requested = knownPermissions(request.permissions);
  checkPersonType(requested, request.hasBusinessEntity);
  const groups = requestedGroups(requested);
  const kept = new Set<Permission>();
  for (const g of groups) {
    if (offered(g, supportedProducts)) g.permissions.forEach((p) => kept.add(p));
  }
  const granted = requested.filter((p) => kept.has(p));
  if (!granted.some(isFunctional)) {
    throw new AppError(
      ConsentErrors.SEM_PERMISSOES_FUNCIONAIS_RESTANTES,
      'Nenhuma das permissões solicitadas corresponde a produtos oferecidos por esta instituição.',
    );
  }
  return granted;
}

function knownPermissions(permissions: readonly string[]): Permission[] {
  if (permissions.length === 0) {
    throw new AppError(PlatformErrors.PARAMETRO_NAO_INFORMADO, 'O campo data.permissions está vazio.');
  }
  const seen = new Set<Permission>();
  for (const value of permissions) {
    if (!isPermission(value)) {
      throw new AppError(PlatformErrors.PARAMETRO_INVALIDO, `Permissão inexistente: ${value.slice(0, 100)}.`);
    }
    // consents.yaml: "Esse array não deve ter duplicidade de itens."
    if (seen.has(value)) {
      throw new AppError(PlatformErrors.PARAMETRO_INVALIDO, `Permissão repetida: ${value}.`);
    }
    seen.add(value);
  }
  return [...seen];
}

function checkPersonType(requested: readonly Permission[], hasBusinessEntity: boolean): void {
  const personal = requested.some((p) => PERSONAL_REGISTRATION.has(p));
  const business = requested.some((p) => BUSINESS_REGISTRATION.has(p));
  if (personal && business) {
    throw new AppError(
      ConsentErrors.PERMISSAO_PF_PJ_EM_CONJUNTO,
      'Permissões cadastrais de pessoa natural e de pessoa jurídica não podem ser solicitadas juntas.',
    );
  }
  if (business && !hasBusinessEntity) {
    throw new AppError(
      ConsentErrors.INFORMACOES_PJ_NAO_INFORMADAS,
      'Permissões cadastrais de pessoa jurídica exigem o campo data.businessEntity.',
    );
  }
  if (personal && hasBusinessEntity) {
    throw new AppError(
      ConsentErrors.PERMISSOES_PJ_INCORRETAS,
      'Um consentimento de pessoa jurídica não pode solicitar permissões cadastrais de pessoa natural.',
    );
  }
}

/** The groups wholly contained in the request; every requested code must belong to one of them. */
function requestedGroups(requested: readonly Permission[]): PermissionGroup[] {
  const set = new Set(requested);
  const groups = PERMISSION_GROUPS.filter((g) => g.permissions.every((p) => set.has(p)));
  const covered = new Set(groups.flatMap((g) => g.permissions));
  const stray = requested.filter((p) => !covered.has(p));
  if (stray.length > 0) {
    throw new AppError(
      ConsentErrors.COMBINACAO_PERMISSOES_INCORRETA,
      `Permissões fora de um agrupamento completo: ${stray.join(', ')}.`,
    );
  }
  return groups;
}

function offered(g: PermissionGroup, supported: ReadonlySet<Product>): boolean {
  const products = g.permissions.map(productOf).filter((p): p is Product => p !== 'resources');
  return g.bundled ? products.some((p) => supported.has(p)) : products.every((p) => supported.has(p));
}
