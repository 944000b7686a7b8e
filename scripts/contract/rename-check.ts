/**
 * What a rename in a command declaration does to the code that uses it: the contract is
 * generated from declarations changed in memory (a parameter or a response field renamed), and
 * the core and the renderer are type-checked against that contract. Every place that sends the
 * parameter or reads the field must fail to compile. Used by scripts/contract/rename.test.ts.
 */
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import type { AnyCommand } from '../../core/src/api/command';
import { ALL_COMMANDS } from '../../core/src/api/commands/index';
import { renderContract } from '../generate-api-types';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const CONTRACT_FILE = path.join(ROOT, 'core/src/contract/api.generated.ts');
export const PROJECTS = {
  core: path.join(ROOT, 'tsconfig.json'),
  renderer: path.join(ROOT, 'renderer/tsconfig.json'),
} as const;

function renameKey(shape: Record<string, z.ZodType>, from: string, to: string): Record<string, z.ZodType> {
  if (!(from in shape)) throw new Error(`no field ${from} to rename`);
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k === from ? to : k, v]));
}

/** The declarations with one command's parameter renamed. */
export function withParameterRenamed(command: string, from: string, to: string): AnyCommand[] {
  return ALL_COMMANDS.map((def) =>
    def.name === command
      ? { ...def, params: z.object(renameKey(def.params.shape as Record<string, z.ZodType>, from, to)) }
      : def,
  );
}

/** The declarations with a field of one response entity renamed, wherever that entity is answered. */
export function withResponseFieldRenamed(entity: z.ZodObject, from: string, to: string): AnyCommand[] {
  const renamed = z
    .strictObject(renameKey(entity.shape as Record<string, z.ZodType>, from, to))
    .meta(entity.meta() ?? {});
  return ALL_COMMANDS.map((def) => {
    const r = def.response;
    if ((r.kind !== 'list' && r.kind !== 'object') || r.item !== entity) return def;
    return { ...def, response: { ...r, item: renamed } };
  });
}

/**
 * The files of a project that fail to type-check when some files read differently from what is
 * on disk (`overrides`: absolute path -> text). Nothing on disk is touched.
 */
export function filesWithErrors(project: string, overrides: ReadonlyMap<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    project,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${project}`);
  const options = { ...config.options, noEmit: true, composite: false, incremental: false, declaration: false };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => overrides.get(path.resolve(file)) ?? readFile(file);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError, fresh) => {
    const text = overrides.get(path.resolve(file));
    return text === undefined
      ? getSourceFile(file, language, onError, fresh)
      : ts.createSourceFile(file, text, language, true);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options, host });
  const files = new Set<string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file) files.add(path.relative(ROOT, d.file.fileName));
  }
  return [...files].sort();
}

/**
 * A rename as a developer makes it: the declaration's source edited (`declaration`: the file and
 * the text replaced in it), and the contract regenerated from the declarations so changed.
 */
export interface Rename {
  declaration: { file: string; from: string; to: string };
  commands: readonly AnyCommand[];
}

export function overridesOf(rename: Rename | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!rename) {
    out.set(CONTRACT_FILE, renderContract(ALL_COMMANDS));
    return out;
  }
  const file = path.join(ROOT, rename.declaration.file);
  const source = ts.sys.readFile(file) ?? '';
  if (!source.includes(rename.declaration.from))
    throw new Error(`${rename.declaration.file} has no "${rename.declaration.from}"`);
  out.set(file, source.replace(rename.declaration.from, rename.declaration.to));
  out.set(CONTRACT_FILE, renderContract(rename.commands));
  return out;
}
