import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { implement } from './command';
import { parseParams } from './dispatcher';
import { ApiError, toApiError } from './errors';
import { param, paramMeta } from './schemas/params';
import { defineSpec, success } from './schemas/spec';
import { normalizeParams } from './request-params';
import { resultBody, toXml } from './serialize';
import { DomainError } from '../domain/errors';
import { ruleMatches } from '../domain/roles';

const createThing = implement(
  defineSpec({
    name: 'createThing',
    description: 'test command',
    roles: ['Admin'],
    params: z.object({
      name: param.string('name', 10),
      id: param.uuid('id').optional(),
      enabled: param.boolean('flag').optional(),
      size: param.integer('size', 1, 100).optional(),
      kind: param.enumOf(['Basic', 'Advanced'] as const, 'kind').optional(),
      tags: param.list('tags').optional(),
      details: param.map('details').optional(),
    }),
    response: success(),
  }),
  { handler: async () => undefined },
);

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('parameter parsing', () => {
  it('coerces CloudStack string parameters to typed values', () => {
    const p = parseParams(createThing, {
      NAME: 'a',
      id: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
      enabled: 'TRUE',
      size: '42',
      kind: 'advanced',
      tags: 'x, y,,z',
      'details[1].key': 'k2',
      'details[1].value': 'v2',
      'details[0].key': 'k1',
      'details[0].value': 'v1',
      signature: 'ignored',
    });
    expect(p).toEqual({
      name: 'a',
      id: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      enabled: true,
      size: 42,
      kind: 'Advanced',
      tags: ['x', 'y', 'z'],
      details: [
        { key: 'k1', value: 'v1' },
        { key: 'k2', value: 'v2' },
      ],
    });
  });

  it('reports a missing required parameter as CloudStack does', () => {
    const e = apiError(() => parseParams(createThing, { size: '3' }));
    expect(e.errorcode).toBe(431);
    expect(e.cserrorcode).toBe(9999);
    expect(e.message).toBe('Unable to execute API command creatething due to missing parameter name');
  });

  it('treats an empty required parameter as missing', () => {
    expect(apiError(() => parseParams(createThing, { name: '' })).message).toContain('missing parameter name');
  });

  it.each([
    ['id', 'not-a-uuid'],
    ['size', '1000'],
    ['size', 'abc'],
    ['enabled', 'yes'],
    ['kind', 'Other'],
    ['name', 'x'.repeat(11)],
  ])('refuses an invalid %s=%s with 431', (key, value) => {
    const e = apiError(() => parseParams(createThing, { name: 'n', [key]: value }));
    expect(e.errorcode).toBe(431);
    expect(e.message).toContain(`Invalid parameter ${key}`);
  });

  it('exposes parameter metadata for listApis', () => {
    const shape = createThing.params.shape;
    expect(paramMeta(shape.name)).toMatchObject({ type: 'string', required: true, length: 10 });
    expect(paramMeta(shape.id)).toMatchObject({ type: 'uuid', required: false, description: 'id' });
    expect(paramMeta(shape.details)).toMatchObject({ type: 'map', required: false });
  });

  it('drops transport parameters and lowercases names', () => {
    expect(normalizeParams({ Command: 'x', apiKey: 'k', sessionkey: 's', Response: 'json', Name: ['a', 'b'] })).toEqual(
      { name: 'a' },
    );
  });
});

describe('response shapes', () => {
  it('answers an empty list with an empty object, as CloudStack does', () => {
    expect(resultBody({ kind: 'list', name: 'user', items: [], count: 0 })).toEqual({});
    expect(resultBody({ kind: 'list', name: 'user', items: [{ id: '1' }], count: 7 })).toEqual({
      count: 7,
      user: [{ id: '1' }],
    });
  });

  it('serializes XML with escaping and repeated elements for arrays', () => {
    const xml = toXml({ listusersresponse: { count: 2, user: [{ name: 'a<b' }, { name: 'c&d' }] } });
    expect(xml).toContain('<listusersresponse cloud-stack-version=');
    expect(xml).toContain('<count>2</count><user><name>a&lt;b</name></user><user><name>c&amp;d</name></user>');
  });

  it('maps domain errors to CloudStack error codes', () => {
    expect(toApiError(new DomainError('permission-denied', 'X.Y', 'no')).body).toEqual({
      uuidList: [],
      errorcode: 531,
      cserrorcode: 4365,
      errortext: 'no',
    });
    expect(toApiError(new DomainError('invalid-parameter', 'X.Y', 'bad')).errorcode).toBe(431);
    const internal = toApiError(new Error('secret detail'));
    expect(internal.errorcode).toBe(530);
    expect(internal.message).not.toContain('secret detail');
  });
});

describe('role rules', () => {
  it.each([
    ['listUsers', 'listUsers', true],
    ['listusers', 'listUsers', true],
    ['list*', 'listAccounts', true],
    ['list*', 'createAccount', false],
    ['*', 'anything', true],
    ['*Account', 'deleteAccount', true],
    ['*Account', 'deleteAccounts', false],
  ])('rule %s matches %s: %s', (rule, command, expected) => {
    expect(ruleMatches(rule, command)).toBe(expected);
  });
});
