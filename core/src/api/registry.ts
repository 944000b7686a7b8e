import type { AnyCommand } from './command';

/** All declared commands, looked up case-insensitively as CloudStack does. */
export class CommandRegistry {
  private readonly byName = new Map<string, AnyCommand>();

  constructor(commands: readonly AnyCommand[]) {
    for (const c of commands) {
      const key = c.name.toLowerCase();
      if (this.byName.has(key)) throw new Error(`command ${c.name} declared twice`);
      this.byName.set(key, c);
    }
  }

  get(name: string): AnyCommand | undefined {
    return this.byName.get(name.toLowerCase());
  }

  all(): AnyCommand[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
