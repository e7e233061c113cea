import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyPluginOptions,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { FastifyPluginCallbackTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

/** Body shape of error answers: the spec's `errors[]` (default) or RFC 6749 on OAuth endpoints. */
export type ErrorShape = 'open-finance' | 'oauth';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's x-fapi-interaction-id: the client's when valid, else one we generated. */
    fapiInteractionId: string;
  }
  interface FastifyContextConfig {
    /**
     * A regulated Open Finance endpoint: x-fapi-interaction-id is required and the other
     * x-fapi-* headers are checked (accounts.yaml components.parameters; DIGEST §3.1).
     */
    fapi?: boolean;
    /** How errors on this route are answered; `open-finance` when absent. */
    errorShape?: ErrorShape;
  }
}

/** The Fastify instance every module mounts its routes on. */
export type PonteApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** A module's routes as a Fastify plugin with TypeBox inference; made with `defineRoutes` (routes.ts). */
export type RoutePlugin<Options extends FastifyPluginOptions = Record<never, never>> =
  FastifyPluginCallbackTypebox<Options>;

/** The instance a module's routes are declared on (TypeBox-typed; `request.fapiInteractionId` etc.). */
export type RouteApp = Parameters<RoutePlugin>[0];
