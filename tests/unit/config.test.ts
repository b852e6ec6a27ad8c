// Config is data and is tested: every kind has a colour, label and radius; palettes are valid; ramps are ordered.
import { SHARE_RAMP } from '../../src/config/ramps';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  KIND_COLORS,
  KIND_LABELS,
  KIND_RADIUS_PX,
  YEARS,
  DEFAULT_YEAR,
  DEFAULT_MINERALS,
} from '../../src/config/app';
import { SITE_KINDS } from '../../src/model/types';

describe('config', () => {
  test('every site kind has a colour, a label and a radius', () => {
    for (const k of SITE_KINDS) {
      expect(KIND_COLORS[k]).toHaveLength(3);
      expect(KIND_COLORS[k].every((c) => Number.isInteger(c) && c >= 0 && c <= 255)).toBe(true);
      expect(KIND_LABELS[k].length).toBeGreaterThan(0);
      expect(KIND_RADIUS_PX[k]).toBeGreaterThan(0);
    }
    expect(new Set(SITE_KINDS.map((k) => KIND_COLORS[k].join(','))).size).toBe(SITE_KINDS.length);
  });
  test('the share ramp covers 0..1 in order', () => {
    const stops = SHARE_RAMP.map(([t]) => t);
    expect(stops[0]).toBe(0);
    expect(stops[stops.length - 1]).toBe(1);
    expect([...stops].sort((a, b) => a - b)).toEqual(stops);
  });
  test('defaults exist in the data', () => {
    expect(YEARS).toContain(DEFAULT_YEAR);
    const minerals = JSON.parse(readFileSync('public/data/minerals.json', 'utf8')).minerals as {
      id: string;
      color: string;
    }[];
    for (const m of DEFAULT_MINERALS) expect(minerals.map((x) => x.id)).toContain(m);
    for (const m of minerals) expect(m.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(minerals.map((m) => m.color)).size).toBe(minerals.length);
  });
});
