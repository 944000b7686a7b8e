/**
 * The contract's promise, tested: renaming a command's parameter or a response field in its
 * declaration breaks the build of every file that sends the parameter or reads the field, in the
 * core and in the renderer. Each case edits the declaration in memory, regenerates the contract
 * from it, and type-checks both projects against that (nothing on disk changes).
 */
import { describe, expect, it } from 'vitest';
import { Host } from '../../core/src/api/schemas/hosts';
import { filesWithErrors, overridesOf, PROJECTS, withParameterRenamed, withResponseFieldRenamed } from './rename-check';

const HOSTS = 'core/src/api/schemas/hosts.ts';
const TIMEOUT = 300_000;

describe('a rename in a declaration breaks the build wherever it is used', () => {
  it(
    'compiles as it is',
    () => {
      const current = overridesOf(undefined);
      expect(filesWithErrors(PROJECTS.core, current)).toEqual([]);
      expect(filesWithErrors(PROJECTS.renderer, current)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "renaming addHost's url parameter breaks the service, the zone planner and the add-host dialog",
    () => {
      const renamed = overridesOf({
        declaration: {
          file: HOSTS,
          from: "    url: param.string('the host URL",
          to: "    hosturl: param.string('the host URL",
        },
        commands: withParameterRenamed('addHost', 'url', 'hosturl'),
      });
      expect(filesWithErrors(PROJECTS.core, renamed)).toEqual([
        'core/src/contract/zone-plan/calls.test.ts',
        'core/src/contract/zone-plan/plan.ts',
        'core/src/services/infrastructure/hosts.ts',
      ]);
      expect(filesWithErrors(PROJECTS.renderer, renamed)).toEqual([
        'core/src/contract/zone-plan/plan.ts',
        'renderer/src/features/infrastructure/components/host-dialogs.tsx',
      ]);
    },
    TIMEOUT,
  );

  it(
    "renaming the host response's ipaddress breaks the response builder and every screen that shows it",
    () => {
      const renamed = overridesOf({
        declaration: {
          file: HOSTS,
          from: "  ipaddress: field.string('the IP address of the host')",
          to: "  ipaddr: field.string('the IP address of the host')",
        },
        commands: withResponseFieldRenamed(Host, 'ipaddress', 'ipaddr'),
      });
      expect(filesWithErrors(PROJECTS.core, renamed)).toEqual([
        'core/src/services/infrastructure/cluster-host-responses.ts',
      ]);
      expect(filesWithErrors(PROJECTS.renderer, renamed)).toEqual([
        'renderer/src/features/diagram/components/details-panel.tsx',
        'renderer/src/features/infrastructure/components/host-drawer.tsx',
        'renderer/src/features/infrastructure/components/hosts-page.tsx',
        'renderer/src/features/zone-wizard/api/server-checks.ts',
      ]);
    },
    TIMEOUT,
  );
});
