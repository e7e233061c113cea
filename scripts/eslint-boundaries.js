// @ts-check
/**
 * The module boundaries of DESIGN §2 as an ESLint rule (a local plugin: no extra package).
 * Every relative import in `src/` is resolved to the module it reaches (the first folder under
 * `src/`; `platform/<part>` counts as its own module) and checked:
 * - `only`: a module may import only the listed modules (platform imports no module);
 * - `importedBy`: a module may be imported only by the listed ones (nothing but cli imports sim;
 *   the sample bank only by sim and cli), test code (`*.test.ts`, `testing/`) excepted;
 * - `forbidden`: explicit edges that must not exist (app → sim);
 * - faces: another module is imported through its `index.ts` only, never a file deep inside
 *   (test code and the composition roots excepted);
 * - `exceptions`: edges known to break a rule, each with the TODO that removes it.
 */
import path from 'node:path';

/**
 * @typedef {object} Options
 * @property {Record<string, string[]>} [only] module → the only modules it may import
 * @property {Record<string, string[]>} [importedBy] module → the only modules that may import it
 * @property {Array<[string, string]>} [forbidden] edges that must not exist
 * @property {Record<string, string[]>} [faces] module → its public files (default `index.ts`)
 * @property {string[]} [composition] composition roots (app, sim, cli): free to reach into each other
 * @property {Array<{ from: string, to: string, todo: string }>} [exceptions] known edges still to remove
 */

const isTestCode = (/** @type {string} */ file) =>
  /\.test\.ts$/.test(file) || file.split(path.sep).includes('testing');

/**
 * The module a file under `srcDir` belongs to (`holder`, `platform/db`) and its path inside
 * that module, or undefined for files outside `src/`.
 * @param {string} srcDir
 * @param {string} file
 */
function moduleOf(srcDir, file) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  if (parts.length === 1) return { name: '', inner: parts[0] ?? '' };
  const depth = parts[0] === 'platform' && parts.length > 2 ? 2 : 1;
  return { name: parts.slice(0, depth).join('/'), inner: parts.slice(depth).join('/') };
}

/** @type {import('eslint').Rule.RuleModule} */
const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'module boundaries of DESIGN §2' },
    schema: [{ type: 'object', additionalProperties: true }],
  },
  create(context) {
    const options = /** @type {Options} */ (context.options[0] ?? {});
    const file = context.filename;
    const srcDir = path.join(context.cwd, 'src');
    const from = moduleOf(srcDir, file);
    if (!from) return {};
    const top = (/** @type {string} */ name) => name.split('/')[0] ?? '';
    const testCode = isTestCode(file);

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = moduleOf(srcDir, path.resolve(path.dirname(file), source));
      if (!to || to.name === from?.name || to.name === '' || from?.name === '') return;
      const fromTop = top(from.name);
      const toTop = top(to.name);
      const report = (/** @type {string} */ why) =>
        context.report({ node, message: `${from.name} must not import ${source}: ${why}` });
      if (options.exceptions?.some((e) => e.from === fromTop && e.to === toTop)) return;
      if (fromTop !== toTop) {
        const only = options.only?.[fromTop];
        if (only && !only.includes(toTop)) {
          return report(`${fromTop} imports only ${only.length ? only.join(', ') : 'no module'} (DESIGN §2)`);
        }
        const importers = options.importedBy?.[toTop];
        if (importers && !importers.includes(fromTop) && !testCode) {
          return report(`${toTop} is imported only by ${importers.join(', ')} and tests (DESIGN §2)`);
        }
        if (options.forbidden?.some(([a, b]) => a === fromTop && b === toTop)) {
          return report(`${fromTop} never imports ${toTop} (DESIGN §2)`);
        }
      }
      // Test code may reach inside another module; composition roots inside each other.
      if (testCode) return;
      const roots = options.composition ?? [];
      if (roots.includes(fromTop) && roots.includes(toTop)) return;
      const faces = options.faces?.[toTop] ?? ['index.ts'];
      if (!faces.includes(to.inner)) {
        report(`import ${to.name}'s public face (${faces.join(' or ')}), not a file inside it`);
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
