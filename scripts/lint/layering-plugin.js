// A local ESLint rule enforcing docs/architecture.md's layers ("imports flow one way"): each zone lists the
// folders its files may not import from. Paths are resolved, so '../../x' tricks do not pass.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');

/** [files under this folder, may not import from these folders] */
const ZONES = [
  // The contract is what the renderer and Electron share with the core: it depends on nothing.
  ['core/src/contract/', ['core/', 'electron/', 'renderer/'], ['core/src/contract/']],
  ['core/src/domain/', ['core/src/', 'electron/', 'renderer/'], ['core/src/domain/', 'core/src/contract/']],
  // Command declarations (parameter and response schemas): services derive their types from them.
  [
    'core/src/api/schemas/',
    ['core/src/', 'electron/', 'renderer/'],
    ['core/src/api/schemas/', 'core/src/domain/', 'core/src/contract/'],
  ],
  [
    'core/src/db/',
    [
      'core/src/api/',
      'core/src/services/',
      'core/src/server/',
      'core/src/drivers/',
      'core/src/allocator/',
      'core/src/console/',
    ],
  ],
  ['core/src/drivers/', ['core/src/api/', 'core/src/services/', 'core/src/server/', 'core/src/db/']],
  ['core/src/allocator/', ['core/src/api/', 'core/src/services/', 'core/src/server/']],
  ['core/src/services/', ['core/src/api/', 'core/src/server/', 'core/src/console/'], ['core/src/api/schemas/']],
  // Commands get services (ctx.services, a ServiceDirectory), never the database or a driver.
  ['core/src/api/', ['core/src/server/', 'core/src/drivers/', 'core/src/db/']],
  ['core/src/api/commands/', ['core/src/db/', 'core/src/drivers/']],
  ['core/', ['electron/', 'renderer/']],
  ['renderer/', ['core/', 'electron/'], ['core/src/contract/']],
  // The desktop shell reaches the core through its one entry (createCore and what it exposes).
  ['electron/', ['core/', 'renderer/'], ['core/src/index', 'core/src/contract/']],
  ['electron/preload/', ['core/', 'renderer/', 'electron/main/']],
];

const PACKAGE_BANS = [
  ['core/src/contract/', /./],
  ['core/', /^(electron|react|react-dom|@mantine\/|@tanstack\/react)/],
  ['renderer/', /^(electron|better-sqlite3|pg|kysely|ws)$|^node:/],
];

/** A folder ('x/') holds everything below it; a module path ('x/index') matches that module only. */
function within(target, prefix) {
  if (prefix.endsWith('/')) return target.startsWith(prefix);
  return target === prefix || (/^\.(ts|tsx|js|mjs)$/.test(target.slice(prefix.length)) && target.startsWith(prefix));
}

function check(context, node, source) {
  const file = rel(context.filename);
  if (source.startsWith('.')) {
    const target = rel(path.resolve(path.dirname(context.filename), source));
    for (const [zone, banned, allowed = []] of ZONES) {
      if (!file.startsWith(zone)) continue;
      if (allowed.some((a) => within(target, a))) continue;
      const hit = banned.find((b) => within(target, b));
      if (hit)
        context.report({
          node,
          message: `${zone} may not import from ${hit} (docs/architecture.md: imports flow one way)`,
        });
    }
    // Renderer features are islands: a feature never imports another feature.
    const m = /^renderer\/src\/features\/([^/]+)\//.exec(file);
    const t = /^renderer\/src\/features\/([^/]+)\//.exec(target + '/');
    if (m && t && m[1] !== t[1])
      context.report({
        node,
        message: `feature ${m[1]} may not import feature ${t[1]}; share through components/ or lib/`,
      });
    return;
  }
  // Tests may use the test runner whatever their folder.
  if (/\.test\.tsx?$/.test(file) && source === 'vitest') return;
  for (const [zone, pattern] of PACKAGE_BANS) {
    if (file.startsWith(zone) && pattern.test(source))
      context.report({ node, message: `${zone} may not import '${source}'` });
  }
}

export default {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const visit = (node) =>
          node.source && typeof node.source.value === 'string' && check(context, node, node.source.value);
        return {
          ImportDeclaration: visit,
          ExportNamedDeclaration: visit,
          ExportAllDeclaration: visit,
          ImportExpression: visit,
        };
      },
    },
  },
};
