import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import type { Sync } from '../guard/ttl-cache.ts';
import type { CoreBankConnector, ResourceType } from '../../connectors/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { formatRequestDateTime } from '../../platform/http/index.ts';
import type { HolderRequestContext } from '../guard/context.ts';
import { brasiliaToday } from '../limits/windows.ts';
import type { LinkTarget } from '../paging/links.ts';
import type { PagingState } from '../paging/paging-state.ts';

/** The brand as the data APIs need it: its id and the origin its links start with. */
export interface HolderBrand {
  readonly id: string;
  /** `https://api.bank.example` (no trailing slash, no path): links are `${apiBaseUrl}/open-banking/…`. */
  readonly apiBaseUrl: string;
}

/** What every family's routes receive. */
export interface FamilyDeps {
  brand: HolderBrand;
  connector: CoreBankConnector;
  clock: Clock;
}

export function guarded(request: FastifyRequest): HolderRequestContext {
  return request.holder;
}

export function pagingOf(request: FastifyRequest): PagingState {
  const paging = request.holder.paging;
  if (paging === undefined) throw new Error('route declared without paging');
  return paging;
}

/** Where this request's links point: the brand's origin + the request path, with its filters. */
export function linkTarget(
  request: FastifyRequest,
  brand: HolderBrand,
  filters: LinkTarget['filters'] = [],
): LinkTarget {
  const path = request.url.split('?', 1)[0] ?? '';
  return { url: `${brand.apiBaseUrl}${path}`, filters };
}

export function meta(clock: Clock, at: Date = clock.now()) {
  return { requestDateTime: formatRequestDateTime(at) };
}

export function pageMeta(clock: Clock, totalRecords: number, totalPages: number) {
  return { totalRecords, totalPages, requestDateTime: formatRequestDateTime(clock.now()) };
}

/** Meta of a single object whose spec still asks for totals (accounts `Meta`): one record. */
export function singleMeta(clock: Clock) {
  return pageMeta(clock, 1, 1);
}

export function todayIn(clock: Clock): string {
  return brasiliaToday(clock.now());
}

/** One page of an in-memory list, with the totals of `Meta`. */
export function slicePage<T>(items: readonly T[], paging: { page: number; pageSize: number }) {
  const start = (paging.page - 1) * paging.pageSize;
  return {
    items: items.slice(start, start + paging.pageSize),
    totalRecords: items.length,
    totalPages: Math.ceil(items.length / paging.pageSize),
  };
}

/** Ids of the consent's resources of `type` that can be read now (list endpoints show only these). */
export async function availableIds(request: FastifyRequest, type: ResourceType): Promise<Set<string>> {
  const statuses = await request.holder.resourceStatuses(type);
  const ids = new Set<string>();
  for (const [id, status] of statuses) if (status === 'AVAILABLE') ids.add(id);
  return ids;
}

/** Every item of a paged connector list (customers hold few accounts, cards or contracts). */
export async function allPages<T>(
  fetch: (page: { page: number; pageSize: number }) => Promise<{ items: readonly T[]; totalPages: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const result = await fetch({ page, pageSize: 1000 });
    all.push(...result.items);
    if (page >= result.totalPages || result.items.length === 0) return all;
  }
}

type DeepMutable<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyArray<infer U>
    ? DeepMutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T;

/**
 * Connector values are deeply readonly; the response schemas' static types are not. The data is
 * serialized as is (no copy), so this is a type-level cast only.
 */
export function wire<T>(value: T): DeepMutable<T> {
  return value as DeepMutable<T>;
}

const serializedData = new WeakMap<object, string>();

/**
 * The body of a list answer as a JSON string whose `data` part is serialized once per connector
 * result (through the route's serializer and `dataSchema`, so only the schema's fields go out):
 * while the read cache hands the same page to several requests, only `links` and `meta` are
 * serialized per request. Sent as is (the content type is set here).
 */
export function listBody(
  reply: FastifyReply,
  dataSchema: TSchema,
  data: object,
  rest: { links: unknown; meta: unknown },
): string {
  let json = serializedData.get(data);
  if (json === undefined) {
    json = reply.serializeInput(data as Record<string, unknown>, dataSchema as Record<string, unknown>);
    // The serializer builds a rope of thousands of pieces; flatten it once (ToNumber flattens a
    // string in V8), or each answer built around it walks the whole rope again when written.
    void Number(json);
    serializedData.set(data, json);
  }
  reply.type('application/json; charset=utf-8');
  // A string, not a Buffer: a fresh 11 kB Buffer per answer costs more to allocate and write.
  return `{"data":${json},"links":${JSON.stringify(rest.links)},"meta":${JSON.stringify(rest.meta)}}`;
}

const answers = new Map<string, { second: number; body: Sync<string> }>();

/**
 * The body of a list answer, built once per consent, URL and second: an identical request in the
 * same second (a receiver polling, or several pages fetched at once) gets the same bytes it would
 * have been built (`meta.requestDateTime` has whole seconds, and links and keys are the same
 * within a second), without building them again. The guard still runs, and counts, every request.
 */
export function sameSecond(
  request: FastifyRequest,
  reply: FastifyReply,
  build: () => Sync<string>,
): Sync<string> {
  const { requestKey: key, at } = request.holder;
  const second = Math.floor(at.getTime() / 1000);
  const hit = answers.get(key);
  reply.type('application/json; charset=utf-8');
  if (hit !== undefined && hit.second === second) return hit.body;
  const body = build();
  if (answers.size >= 10_000) answers.clear();
  answers.set(key, { second, body });
  if (body instanceof Promise) {
    body.then(
      (resolved) => answers.get(key)?.body === body && answers.set(key, { second, body: resolved }),
      () => answers.get(key)?.body === body && answers.delete(key),
    );
  }
  return body;
}
