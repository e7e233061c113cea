/**
 * The part of oidc-provider 9 (which ships no types) that src/authz uses. Kept deliberately
 * narrow: a value not described here is read through `unknown` and narrowed where used.
 * Reference: node_modules/oidc-provider/lib (provider.js, models/, helpers/errors.js).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AdapterPayload = Record<string, unknown> & {
    grantId?: string;
    userCode?: string;
    uid?: string;
    consumed?: unknown;
  };

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface ClientInstance {
    clientId: string;
    clientName?: string;
    scope?: string;
    redirectUris: string[];
    grantTypeAllowed(type: string): boolean;
    metadata(): Record<string, unknown>;
    [key: string]: unknown;
  }

  export interface GrantInstance {
    jti: string;
    accountId?: string;
    clientId?: string;
    exp?: number;
    expiresIn?: number;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    rejectResourceScope(resource: string, scope: string): void;
    getOIDCScope(): string;
    getResourceScope(resource: string): string;
    resources?: Record<string, string>;
    save(): Promise<string>;
    destroy(): Promise<void>;
  }

  export interface TokenInstance {
    jti: string;
    kind: string;
    clientId?: string;
    accountId?: string;
    grantId?: string;
    scope?: string;
    exp?: number;
    iat?: number;
    gty?: string;
    aud?: string | string[];
    extra?: Record<string, unknown>;
    'x5t#S256'?: string;
    isExpired: boolean;
    scopes: Set<string>;
  }

  export interface TokenModel<T = TokenInstance> {
    find(value: string, options?: { ignoreExpiration?: boolean }): Promise<T | undefined>;
  }

  export interface GrantModel extends TokenModel<GrantInstance> {
    new (input: { accountId: string; clientId: string; expiresIn?: number }): GrantInstance;
  }

  export interface InteractionInstance {
    uid: string;
    jti: string;
    exp: number;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string; uid?: string; cookie?: string; acr?: string };
    result?: Record<string, unknown>;
    lastSubmission?: Record<string, unknown>;
    grantId?: string;
    returnTo: string;
    save(ttl: number): Promise<string>;
  }

  export interface OidcContext {
    route?: string;
    params?: Record<string, unknown>;
    client?: ClientInstance;
    session?: { accountId?: string };
    result?: Record<string, unknown>;
    entities: Record<string, unknown>;
    claims?: Record<string, unknown>;
    acr?: string;
    provider: Provider;
    urlFor(name: string, options?: Record<string, string>): string;
    issuer: string;
  }

  /** The Koa context the provider passes to configuration functions. */
  export interface KoaContextWithOIDC {
    oidc: OidcContext;
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    path: string;
    status: number;
    body: unknown;
    type: string;
    get(header: string): string;
    set(header: string, value: string): void;
    [key: string]: unknown;
  }

  export type KoaMiddleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  export type Configuration = Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: GrantModel;
    readonly AccessToken: TokenModel;
    readonly ClientCredentials: TokenModel;
    readonly RefreshToken: TokenModel;
    readonly Client: {
      find(id: string): Promise<ClientInstance | undefined>;
      adapter: Adapter;
    };
    readonly Interaction: TokenModel<InteractionInstance>;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: KoaMiddleware): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionInstance>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    urlFor(name: string, options?: Record<string, string>): string;
    pathFor(name: string, options?: Record<string, string>): string;
  }

  export default Provider;

  export namespace errors {
    class OIDCProviderError extends Error {
      constructor(status: number, message: string);
      error: string;
      error_description?: string;
      status: number;
      statusCode: number;
      expose: boolean;
    }
    class CustomOIDCProviderError extends OIDCProviderError {
      constructor(error: string, description?: string);
    }
    class InvalidClientMetadata extends OIDCProviderError {
      constructor(description: string);
    }
    class InvalidRedirectUri extends OIDCProviderError {}
    class InvalidSoftwareStatement extends OIDCProviderError {
      constructor(description?: string);
    }
    class UnapprovedSoftwareStatement extends OIDCProviderError {
      constructor(description?: string);
    }
    class InvalidGrant extends OIDCProviderError {
      constructor(detail?: string);
      error_detail?: string;
    }
    class InvalidRequest extends OIDCProviderError {
      constructor(description?: string, status?: number);
    }
    class InvalidScope extends OIDCProviderError {
      constructor(description: string, scope?: string);
    }
    class InvalidTarget extends OIDCProviderError {
      constructor(description?: string);
    }
    class AccessDenied extends OIDCProviderError {
      constructor(description?: string);
    }
  }

  export namespace interactionPolicy {
    type CheckResult = boolean;
    class Check {
      static readonly REQUEST_PROMPT: true;
      static readonly NO_NEED_TO_PROMPT: false;
      constructor(
        reason: string,
        description: string,
        check: (ctx: KoaContextWithOIDC) => CheckResult | Promise<CheckResult>,
      );
    }
    class Prompt {
      name: string;
      checks: Check[] & { add(check: Check, index?: number): void };
    }
    function base(): Prompt[] & { get(name: string): Prompt | undefined };
  }
}
