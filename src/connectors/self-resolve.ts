import { registerHooks } from 'node:module';

/** Any file of this package: self-reference by name resolves from inside the package. */
const INSIDE_PONTE = new URL('../../package.json', import.meta.url).href;
let registered = false;

/**
 * Makes `import … from 'ponte/connectors'` in an institution's module resolve to the Ponte that
 * loads it, through this package's `exports`, wherever the module lives and whether or not it
 * has `ponte` in its own node_modules. The connector then runs against the very contract (one
 * copy of the code) it is checked against, and a Ponte installed as a plain copy under
 * node_modules (whose `.ts` files Node refuses to type-strip) is never loaded. Idempotent.
 */
export function resolvePonteToSelf(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'ponte' || specifier.startsWith('ponte/')) {
        return nextResolve(specifier, { ...context, parentURL: INSIDE_PONTE });
      }
      return nextResolve(specifier, context);
    },
  });
}
