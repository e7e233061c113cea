import { freePort } from '../platform/db/index.ts';

/**
 * The simulator's ports: consecutive from a base (stable URLs for bookmarks and the manifest),
 * or free ones picked at random when the base is 0 (tests, parallel runs).
 *   base+0 directory · base+1+2i brand i public (issuer, pages) · base+2+2i brand i mTLS (token,
 *   PAR, registration, APIs) · base+1+2n outside receivers' redirect/webhook origin (the
 *   manifest's softwares; Ponte serves nothing there) · base+2+2n Ponte's own receiver brand
 */
export interface SimPorts {
  directory: number;
  brands: Array<{ public: number; mtls: number }>;
  receiver: number;
  ponteReceiver: number;
}

export async function allocatePorts(base: number, brands: number): Promise<SimPorts> {
  let port = base;
  // Free ports are not held until their servers bind, so the system may offer one twice: never
  // hand out the same port to two services.
  const taken = new Set<number>();
  const next = async (): Promise<number> => {
    if (base !== 0) return port++;
    for (;;) {
      const candidate = await freePort();
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  const directory = await next();
  const brandPorts: SimPorts['brands'] = [];
  for (let i = 0; i < brands; i++) brandPorts.push({ public: await next(), mtls: await next() });
  const receiver = await next();
  return { directory, brands: brandPorts, receiver, ponteReceiver: await next() };
}
