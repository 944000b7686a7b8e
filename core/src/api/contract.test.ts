import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { implement } from './command';
import { responseFields } from './describe';
import { project } from './projection';
import { ResponseCheck } from './response-check';
import { entity, field } from './schemas/fields';
import { param } from './schemas/params';
import { defineSpec, listOf, objectOf, rawBody, success } from './schemas/spec';
import { resultBody } from './serialize';
import { TypeRenderer } from './type-render';

const Nic = entity('TestNic', {
  id: field.uuid('the nic'),
  ipaddress: field.string('its address').optional(),
});
const Thing = entity('TestThing', {
  id: field.uuid('the id'),
  name: field.string('the name'),
  state: field.oneOf(['Up', 'Down'] as const, 'the state'),
  size: field.long('bytes').optional(),
  nics: field.list(Nic, 'its nics').optional(),
});

const listThings = defineSpec({
  name: 'listThings',
  description: 'test',
  roles: ['Admin'],
  params: z.object({ state: param.enumOf(['Up', 'Down'] as const, 'state').optional() }),
  response: listOf('thing', Thing),
});

const ctx = {} as Parameters<ReturnType<typeof implement>['handler']>[0];

describe('the command contract', () => {
  it('keeps only declared fields on the wire, in declaration order, without empty values', () => {
    const value = { secret: 'hash', size: null, state: 'Up', name: 'n', id: 'i', nics: [{ id: 'x', mac: 'm' }] };
    expect(JSON.stringify(project(Thing, value))).toBe('{"id":"i","name":"n","state":"Up","nics":[{"id":"x"}]}');
  });

  it('wraps handler replies in the declared response shape', async () => {
    const def = implement(listThings, {
      handler: async () => ({ items: [{ id: 'a', name: 'a', state: 'Up' as const }], count: 3 }),
    });
    const result = await def.handler(ctx, {});
    expect(resultBody(result)).toEqual({ count: 3, thing: [{ id: 'a', name: 'a', state: 'Up' }] });
    const none = implement(listThings, { handler: async () => ({ items: [], count: 0 }) });
    expect(resultBody(await none.handler(ctx, {}))).toEqual({});
    const obj = implement(defineSpec({ ...listThings, name: 'getThing', response: objectOf('thing', Thing) }), {
      handler: async () => ({ id: 'b', name: 'b', state: 'Down' as const, extra: 1 }) as never,
    });
    expect(resultBody(await obj.handler(ctx, {}))).toEqual({ thing: { id: 'b', name: 'b', state: 'Down' } });
    const ok = implement(defineSpec({ ...listThings, name: 'deleteThing', response: success() }), {
      handler: async () => undefined,
    });
    expect(resultBody(await ok.handler(ctx, {}))).toEqual({ success: true });
  });

  it('fails a response that does not match its declaration, and records what it checked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-'));
    const check = new ResponseCheck(dir, 'sqlite');
    const good = implement(listThings, {
      handler: async () => ({ items: [{ id: 'a', name: 'a', state: 'Up' as const, size: null as never }], count: 1 }),
    });
    check.check(good, await good.handler(ctx, {}));
    const undeclared = implement(listThings, {
      handler: async () => ({ items: [{ id: 'a', name: 'a', state: 'Up', password: 'x' } as never], count: 1 }),
    });
    expect(() => check.check(undeclared, { kind: 'list', name: 'thing', items: [], count: 0 })).not.toThrow();
    await expect(undeclared.handler(ctx, {}).then((r) => check.check(undeclared, r))).rejects.toThrow(
      /thing\[0\]: .*password/,
    );
    const wrongType = implement(listThings, {
      handler: async () => ({ items: [{ id: 'a', name: 'a', state: 'Sideways' } as never], count: 1 }),
    });
    await expect(wrongType.handler(ctx, {}).then((r) => check.check(wrongType, r))).rejects.toThrow(/state/);
    check.flush();
    const lines = fs
      .readFileSync(path.join(dir, `${process.pid}.tsv`), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toContain('seen\tsqlite\tlistThings\t4');
    expect(lines.filter((l) => l.startsWith('failure\tsqlite\tlistThings'))).toHaveLength(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('describes response fields for listApis, nested lists included', () => {
    const fields = responseFields(implement(listThings, { handler: async () => ({ items: [], count: 0 }) }));
    expect(fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:uuid',
      'name:string',
      'state:string',
      'size:long',
      'nics:list',
    ]);
    expect(fields[4]?.response?.map((f) => f.name)).toEqual(['id', 'ipaddress']);
  });

  it('renders entities as named interfaces for the generated client types', () => {
    const types = new TypeRenderer();
    expect(types.render(Thing)).toBe('TestThing');
    expect(types.render(rawBody(z.object({ jobid: field.uuid('job') })).body)).toBe(
      '{\n  /** job */\n  jobid: string;\n}',
    );
    const text = types.declarations();
    expect(text).toContain('export interface TestNic {');
    expect(text).toContain('  state: "Up" | "Down";');
    expect(text).toContain('  size?: number;');
    expect(text).toContain('  nics?: TestNic[];');
    const clash = entity('TestThing', { id: field.uuid('other') });
    expect(() => types.render(clash)).toThrow(/two response entities are named TestThing/);
  });
});
