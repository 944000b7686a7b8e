import { describe, expect, it } from 'vitest';
import { englishText } from './messages';
import {
  countVlans,
  formatVlanRanges,
  mergeVlanRanges,
  parseVlanRanges,
  parseVlanTag,
  vlanRangesOverlap,
  type ParsedVlanRanges,
} from './vlan-ranges';

const ranges = (p: ParsedVlanRanges) => {
  if (!p.ok) throw new Error(englishText(p.error));
  return p.ranges;
};

describe('vlan ranges', () => {
  it('parses single VLANs and ranges, sorted, with spaces and empty parts tolerated', () => {
    expect(ranges(parseVlanRanges('100-200'))).toEqual([{ start: 100, end: 200 }]);
    expect(ranges(parseVlanRanges('300, 100 - 200,,50'))).toEqual([
      { start: 50, end: 50 },
      { start: 100, end: 200 },
      { start: 300, end: 300 },
    ]);
    expect(ranges(parseVlanRanges('1-4094'))).toEqual([{ start: 1, end: 4094 }]);
    expect(ranges(parseVlanRanges('7-7'))).toEqual([{ start: 7, end: 7 }]);
  });

  it('refuses VLANs outside 1-4094, reversed and overlapping ranges, junk and empty lists', () => {
    const error = (text: string) => {
      const p = parseVlanRanges(text);
      expect(p.ok, text).toBe(false);
      return p.ok ? '' : englishText(p.error);
    };
    expect(error('0')).toMatch(/1-4094/);
    expect(error('0-10')).toMatch(/1-4094/);
    expect(error('4095')).toMatch(/1-4094/);
    expect(error('4000-4095')).toMatch(/1-4094/);
    expect(error('200-100')).toMatch(/greater than the end/);
    expect(error('100-200,150-250')).toMatch(/overlap/);
    expect(error('100-200,200')).toMatch(/overlap/);
    expect(error('abc')).toMatch(/expected a number/);
    expect(error('10-')).toMatch(/expected a number/);
    expect(error('-5')).toMatch(/expected a number/);
    expect(error('1.5')).toMatch(/expected a number/);
    expect(error('')).toMatch(/Empty/);
    expect(error(' , ')).toMatch(/Empty/);
  });

  it('formats, merges, counts and compares range lists', () => {
    expect(
      formatVlanRanges([
        { start: 5, end: 5 },
        { start: 10, end: 20 },
      ]),
    ).toBe('5,10-20');
    expect(formatVlanRanges(ranges(parseVlanRanges('300,100-200')))).toBe('100-200,300');

    const input = [
      { start: 300, end: 310 },
      { start: 100, end: 200 },
      { start: 201, end: 250 },
      { start: 150, end: 160 },
    ];
    const snapshot = JSON.stringify(input);
    expect(mergeVlanRanges(input)).toEqual([
      { start: 100, end: 250 },
      { start: 300, end: 310 },
    ]);
    expect(JSON.stringify(input)).toBe(snapshot); // the input is left alone
    expect(mergeVlanRanges([])).toEqual([]);

    expect(
      countVlans([
        { start: 100, end: 199 },
        { start: 5, end: 5 },
      ]),
    ).toBe(101);
    expect(countVlans([])).toBe(0);

    expect(vlanRangesOverlap([{ start: 1, end: 10 }], [{ start: 10, end: 20 }])).toBe(true);
    expect(vlanRangesOverlap([{ start: 1, end: 10 }], [{ start: 11, end: 20 }])).toBe(false);
    expect(
      vlanRangesOverlap(
        [
          { start: 1, end: 2 },
          { start: 50, end: 60 },
        ],
        [{ start: 55, end: 55 }],
      ),
    ).toBe(true);
    expect(vlanRangesOverlap([], [{ start: 1, end: 4094 }])).toBe(false);
  });

  it('parses a public range VLAN tag as CloudStack stores it', () => {
    expect(parseVlanTag('50')).toEqual({ ok: true, tag: 'vlan://50' });
    expect(parseVlanTag('vlan://50')).toEqual({ ok: true, tag: 'vlan://50' });
    expect(parseVlanTag('VLAN://4094')).toEqual({ ok: true, tag: 'vlan://4094' });
    expect(parseVlanTag(' 1 ')).toEqual({ ok: true, tag: 'vlan://1' });
    expect(parseVlanTag(undefined)).toEqual({ ok: true, tag: 'untagged' });
    expect(parseVlanTag('')).toEqual({ ok: true, tag: 'untagged' });
    expect(parseVlanTag('untagged')).toEqual({ ok: true, tag: 'untagged' });
    expect(parseVlanTag('Untagged')).toEqual({ ok: true, tag: 'untagged' });
    expect(parseVlanTag('vlan://untagged')).toEqual({ ok: true, tag: 'untagged' });
    for (const bad of ['0', '4095', 'vlan://0', 'vlan://4095', '-1', 'abc', 'vxlan://50', '50-60', '1.5']) {
      const p = parseVlanTag(bad);
      expect(p.ok, bad).toBe(false);
      if (!p.ok) expect(englishText(p.error)).toMatch(/1-4094/);
    }
    expect(parseVlanTag('vlan://0')).toEqual({
      ok: false,
      error: { key: 'error.vlan.badTag', params: { vlan: 'vlan://0', min: '1', max: '4094' } },
    });
  });

  it('says each refusal by a catalogue message, in the English the API always answered', () => {
    const refusal = (p: ParsedVlanRanges) => (p.ok ? undefined : { text: englishText(p.error), ...p.error });
    expect(refusal(parseVlanRanges(''))).toEqual({
      text: 'Please provide a valid vlan range: Empty VLAN range',
      key: 'error.vlan.emptyRange',
      params: {},
    });
    expect(refusal(parseVlanRanges('abc'))).toEqual({
      text: 'Please provide a valid vlan range: Invalid VLAN range "abc": expected a number or start-end',
      key: 'error.vlan.rangeFormat',
      params: { range: 'abc' },
    });
    expect(refusal(parseVlanRanges('4000-4095'))?.text).toBe(
      'Please provide a valid vlan range: Invalid VLAN range "4000-4095": VLANs must be within 1-4094',
    );
    expect(refusal(parseVlanRanges('200-100'))?.text).toBe(
      'Please provide a valid vlan range: Invalid VLAN range "200-100": the start is greater than the end',
    );
    expect(refusal(parseVlanRanges('100-200,150-250'))).toEqual({
      text: 'Please provide a valid vlan range: VLAN ranges 100-200 and 150-250 overlap',
      key: 'error.vlan.rangesOverlap',
      params: { range: '100-200', otherRange: '150-250' },
    });
    const tag = parseVlanTag('4095');
    expect(tag.ok ? undefined : englishText(tag.error)).toBe(
      'Invalid VLAN "4095": VLANs must be within 1-4094 or untagged',
    );
  });
});
