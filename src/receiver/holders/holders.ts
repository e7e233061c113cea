import type { Participant } from '../../directory/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';

/** An authorisation server of a holder organisation, as the participants list publishes it. */
export interface HolderServer {
  orgId: string;
  authorisationServerId: string;
  name: string;
  discoveryUrl: string;
  autoRegistrationSupported: boolean;
  /** Every published API endpoint, by directory family type (`consents`, `accounts` ...). */
  endpoints: ReadonlyArray<{ family: string; endpoint: string }>;
}

/** directory-participants.yaml: every authorisation server of every active organisation. */
export function holderServers(participants: readonly Participant[]): HolderServer[] {
  return participants
    .filter((org) => org.Status === 'Active')
    .flatMap((org) =>
      org.AuthorisationServers.map((as) => ({
        orgId: org.OrganisationId,
        authorisationServerId: as.AuthorisationServerId,
        name: as.CustomerFriendlyName,
        discoveryUrl: as.OpenIDDiscoveryDocument,
        autoRegistrationSupported: as.AutoRegistrationSupported,
        endpoints: as.ApiResources.flatMap((r) =>
          r.ApiDiscoveryEndpoints.map((e) => ({ family: r.ApiFamilyType, endpoint: e.ApiEndpoint })),
        ),
      })),
    );
}

/**
 * The holder a consent is asked at, named by its authorisation server id (a brand) or by its
 * organisation id when the organisation has exactly one authorisation server.
 */
export function findHolder(servers: readonly HolderServer[], ref: string): HolderServer {
  const byServer = servers.find((s) => s.authorisationServerId === ref);
  if (byServer) return byServer;
  const byOrg = servers.filter((s) => s.orgId === ref);
  if (byOrg.length === 1) return byOrg[0]!;
  if (byOrg.length > 1) {
    throw new AppError(
      ReceiverErrors.RECEIVER_UNKNOWN_HOLDER,
      'A organisação tem várias marcas: indique o AuthorisationServerId da marca.',
      { detail: { ref } },
    );
  }
  throw new AppError(ReceiverErrors.RECEIVER_UNKNOWN_HOLDER, 'Transmissora não encontrada no diretório.', {
    detail: { ref },
  });
}

/** Directory family types that name the same API (the real directory splits customers). */
const FAMILY_ALIASES: Record<string, readonly string[]> = {
  customers: ['customers-personal', 'customers-business', 'customers'],
};

function prefixOf(endpoint: string): string | undefined {
  const at = endpoint.indexOf('/open-banking/');
  return at < 0 ? undefined : endpoint.slice(0, at);
}

/**
 * Base URL of one API at the holder (`https://host/prefix/open-banking/accounts/v2`): from the
 * endpoint the directory publishes for the family, else from the holder's consents endpoint
 * (DIGEST §0 item 1: every API lives under the same `/open-banking/` root).
 */
export function apiBase(server: HolderServer, family: string, major: number): string {
  const families = FAMILY_ALIASES[family] ?? [family];
  const own = server.endpoints.find((e) => families.includes(e.family) && prefixOf(e.endpoint) !== undefined);
  const fallback =
    server.endpoints.find((e) => e.family === 'consents' && prefixOf(e.endpoint) !== undefined) ??
    server.endpoints.find((e) => prefixOf(e.endpoint) !== undefined);
  const prefix = prefixOf((own ?? fallback)?.endpoint ?? '');
  if (prefix === undefined) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_UNAVAILABLE,
      `A transmissora não publica a API ${family} no diretório.`,
      { detail: { authorisationServerId: server.authorisationServerId, family } },
    );
  }
  return `${prefix}/open-banking/${family}/v${major}`;
}
