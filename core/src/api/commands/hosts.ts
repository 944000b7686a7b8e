import type { AnyCommand } from '../command';

/** Placeholder until this area's commands land. */
export const hostCommands: AnyCommand[] = [];
