import { describe, expect, it } from 'vitest';
import { renderServerMessage, type ServerMessageKey } from '../contract/messages';
import type { AnyCommand } from './command';
import { ALL_COMMANDS } from './commands/index';
import { parseParams } from './dispatcher';
import { ApiError, errors } from './errors';
import type { RawParams } from './request-params';

/**
 * A refused parameter value keeps CloudStack's English errortext exactly, and carries the problem
 * as a key (error.api.invalidValue.*) with its parameters, so the UI can say it in Korean.
 */
function refusal(command: string, raw: Record<string, unknown>): ApiError {
  const def: AnyCommand | undefined = ALL_COMMANDS.find((c) => c.name === command);
  if (!def) throw new Error(`no command ${command}`);
  try {
    parseParams(def, raw as RawParams);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error(`${command} accepted ${JSON.stringify(raw)}`);
}

const ZONE = '0b6e29b4-5b7e-4d2c-9a4e-1f0a7c6d2e11';
const POD = '6a1d3f20-8c4b-4e8e-b1a2-3c4d5e6f7a8b';
const CLUSTER = { zoneid: ZONE, podid: POD, clustername: 'c1', hypervisor: 'Simulator' };
const POOL = { zoneid: ZONE, name: 'p1', url: 'nfs://10.0.0.1/export' };
const LONG_TAG = 'x'.repeat(256);

const text = (command: string, param: string, value: string, problem: string) =>
  `Unable to execute API command ${command} due to invalid value. Invalid parameter ${param} value: ${value} (${problem})`;

interface Case {
  what: string;
  command: string;
  raw: Record<string, unknown>;
  param: string;
  /** The value as the errortext quotes it. */
  value: string;
  /** What the errortext says is wrong, as CloudStack clients have always read it. */
  problem: string;
  key: string;
  params?: Record<string, string>;
}

const CASES: Case[] = [
  {
    what: 'text longer than its parameter allows (string)',
    command: 'listZones',
    raw: { name: 'x'.repeat(256) },
    param: 'name',
    value: `${'x'.repeat(64)}…(256 characters)`,
    problem: 'value greater than max allowed length 255',
    key: 'tooLong',
    params: { max: '255' },
  },
  {
    what: 'a ratio longer than 16 characters (decimal)',
    command: 'addCluster',
    raw: { ...CLUSTER, memoryovercommitratio: '1.00000000000000001' },
    param: 'memoryovercommitratio',
    value: '1.00000000000000001',
    problem: 'value greater than max allowed length 16',
    key: 'tooLong',
    params: { max: '16' },
  },
  {
    what: 'a ratio that is not a number (decimal)',
    command: 'addCluster',
    raw: { ...CLUSTER, cpuovercommitratio: 'high' },
    param: 'cpuovercommitratio',
    value: 'high',
    problem: 'must be a number',
    key: 'notNumber',
  },
  {
    what: 'an id that is not a UUID (uuid)',
    command: 'listZones',
    raw: { id: 'zone-1' },
    param: 'id',
    value: 'zone-1',
    problem: 'not a valid UUID',
    key: 'notUuid',
  },
  {
    what: 'a flag that is not true or false (boolean)',
    command: 'listZones',
    raw: { available: 'yes' },
    param: 'available',
    value: 'yes',
    problem: 'Invalid input',
    key: 'notBoolean',
  },
  {
    what: 'a fraction (integer)',
    command: 'listZones',
    raw: { page: '1.5' },
    param: 'page',
    value: '1.5',
    problem: 'must be an integer',
    key: 'notInteger',
  },
  {
    what: 'a word (integer)',
    command: 'listZones',
    raw: { page: 'ten' },
    param: 'page',
    value: 'ten',
    problem: 'Invalid input: expected number, received NaN',
    key: 'notNumeric',
  },
  {
    what: 'a number too large to be finite (integer)',
    command: 'listZones',
    raw: { page: '1e400' },
    param: 'page',
    value: '1e400',
    problem: 'Invalid input: expected number, received Infinity',
    key: 'notFinite',
    params: { received: 'Infinity' },
  },
  {
    what: 'negative infinity (long)',
    command: 'createStoragePool',
    raw: { ...POOL, capacitybytes: '-Infinity' },
    param: 'capacitybytes',
    value: '-Infinity',
    problem: 'Invalid input: expected number, received -Infinity',
    key: 'notFinite',
    params: { received: '-Infinity' },
  },
  {
    what: 'a number under the minimum (integer)',
    command: 'listZones',
    raw: { page: '0' },
    param: 'page',
    value: '0',
    problem: 'Too small: expected number to be >=1',
    key: 'tooSmall',
    params: { min: '1' },
  },
  {
    what: 'a negative minimum (integer)',
    command: 'listZones',
    raw: { pagesize: '-2' },
    param: 'pagesize',
    value: '-2',
    problem: 'Too small: expected number to be >=-1',
    key: 'tooSmall',
    params: { min: '-1' },
  },
  {
    what: 'a number over the maximum (integer)',
    command: 'listAsyncJobs',
    raw: { jobstatus: '3' },
    param: 'jobstatus',
    value: '3',
    problem: 'Too big: expected number to be <=2',
    key: 'tooLarge',
    params: { max: '2' },
  },
  {
    what: 'a number over a 32-bit integer (integer)',
    command: 'listZones',
    raw: { page: '3000000000' },
    param: 'page',
    value: '3000000000',
    problem: 'Too big: expected number to be <=2147483647',
    key: 'tooLarge',
    params: { max: '2147483647' },
  },
  {
    what: 'a negative size (long)',
    command: 'createStoragePool',
    raw: { ...POOL, capacitybytes: '-1' },
    param: 'capacitybytes',
    value: '-1',
    problem: 'Too small: expected number to be >=0',
    key: 'tooSmall',
    params: { min: '0' },
  },
  {
    what: 'a size past the safe integers (long)',
    command: 'createStoragePool',
    raw: { ...POOL, capacitybytes: '1e20' },
    param: 'capacitybytes',
    value: '1e20',
    problem: 'must be an integer',
    key: 'notInteger',
  },
  {
    what: 'a date that is none (date)',
    command: 'listEvents',
    raw: { startdate: 'yesterday' },
    param: 'startdate',
    value: 'yesterday',
    problem: 'not a valid date',
    key: 'notDate',
  },
  {
    what: 'a value not among the accepted ones (enumOf)',
    command: 'listZones',
    raw: { networktype: 'Fancy' },
    param: 'networktype',
    value: 'Fancy',
    problem: 'must be one of Basic, Advanced',
    key: 'notOneOf',
    params: { values: 'Basic, Advanced' },
  },
  {
    what: 'a sort order not among the accepted ones (enumOf)',
    command: 'listZones',
    raw: { sortorder: 'up' },
    param: 'sortorder',
    value: 'up',
    problem: 'must be one of asc, desc',
    key: 'notOneOf',
    params: { values: 'asc, desc' },
  },
  {
    what: 'a list item longer than 255 characters (list)',
    command: 'createStoragePool',
    raw: { ...POOL, tags: `a,${LONG_TAG}` },
    param: 'tags',
    value: `a,${'x'.repeat(62)}…(258 characters)`,
    problem: 'an item is longer than 255 characters',
    key: 'listItemTooLong',
    params: { max: '255' },
  },
  {
    what: 'a map where a list is expected (list)',
    command: 'createStoragePool',
    raw: { ...POOL, 'tags[0].key': 'gold' },
    param: 'tags',
    value: '[{"key":"gold"}]',
    problem: 'Invalid input',
    key: 'notList',
  },
  {
    what: 'text where a map is expected (map)',
    command: 'createStoragePool',
    raw: { ...POOL, details: 'nfsopts=vers=4' },
    param: 'details',
    value: 'nfsopts=vers=4',
    problem: 'Invalid input: expected array, received string',
    key: 'notMap',
  },
  {
    what: 'a map where text is expected (string)',
    command: 'listZones',
    raw: { 'name[0].key': 'z' },
    param: 'name',
    value: '[{"key":"z"}]',
    problem: 'Invalid input: expected string, received array',
    key: 'notText',
  },
  {
    what: 'a map where a name is expected (name)',
    command: 'addCluster',
    raw: { ...CLUSTER, clustername: undefined, 'clustername[0].key': 'c' },
    param: 'clustername',
    value: '[{"key":"c"}]',
    problem: 'Invalid input: expected string, received array',
    key: 'notText',
  },
  {
    what: 'a map where a flag is expected (boolean)',
    command: 'listZones',
    raw: { 'available[0].key': 'true' },
    param: 'available',
    value: '[{"key":"true"}]',
    problem: 'Invalid input',
    key: 'notBoolean',
  },
  {
    what: 'a map where a number is expected (integer)',
    command: 'listZones',
    raw: { 'page[0].key': '1' },
    param: 'page',
    value: '[{"key":"1"}]',
    problem: 'Invalid input: expected number, received NaN',
    key: 'notNumeric',
  },
  {
    what: 'an in-process caller passing a number for text: unforeseen, zod words it',
    command: 'listZones',
    raw: { name: 5 },
    param: 'name',
    value: '5',
    problem: 'Invalid input: expected string, received number',
    key: 'other',
    params: { reason: 'Invalid input: expected string, received number' },
  },
];

describe('a refused parameter value', () => {
  it.each(CASES)('$what: $command $param', (c) => {
    const e = refusal(c.command, c.raw);
    const command = c.command.toLowerCase();
    expect(e.errorcode).toBe(431);
    expect(e.cserrorcode).toBe(9999);
    expect(e.body.errortext).toBe(text(command, c.param, c.value, c.problem));
    expect(e.body.errorkey).toBe(`error.api.invalidValue.${c.key}`);
    expect(e.body.errorparams).toEqual({ command, param: c.param, value: c.value, ...c.params });
    const keyed = { key: e.body.errorkey as ServerMessageKey, params: e.body.errorparams ?? {} };
    expect(renderServerMessage(keyed)).toBe(e.body.errortext);
  });

  it('keys a problem whose message would read otherwise than the check words it as the generic one', () => {
    // A check that words its own text (a custom minimum message) keeps it: the tooSmall template
    // would not render it, so the text travels as the generic message's reason.
    const e = errors.invalidValue('listZones', 'page', '0', 'must be at least 1', { valueProblem: 'tooSmall', min: 1 });
    expect(e.message).toBe(text('listzones', 'page', '0', 'must be at least 1'));
    expect(e.body).toMatchObject({
      errorkey: 'error.api.invalidValue.other',
      errorparams: { command: 'listzones', param: 'page', value: '0', reason: 'must be at least 1' },
    });
  });
});
