// Country-label placement: most important first, no overlaps, nothing off screen, deterministic.
import { describe, expect, test } from 'vitest';
import { placeLabels, type LabelCandidate } from '../../src/derive/labels';

const c = (id: string, x: number, y: number, priority: number, text = id): LabelCandidate => ({
  id,
  text,
  x,
  y,
  priority,
});

describe('placeLabels', () => {
  test.each<[string, LabelCandidate[], string[]]>([
    ['far apart: all kept, by priority', [c('A', 100, 100, 1), c('B', 400, 300, 2)], ['B', 'A']],
    ['overlapping: the more important wins', [c('A', 100, 100, 1), c('B', 110, 104, 2)], ['B']],
    ['same priority: ties by id', [c('B', 100, 100, 1), c('A', 105, 100, 1)], ['A']],
    [
      'side by side, long names collide',
      [c('A', 100, 100, 2, 'Democratic Republic'), c('B', 160, 100, 1)],
      ['A'],
    ],
    [
      'side by side, short names fit',
      [c('A', 100, 100, 2, 'Chad'), c('B', 170, 100, 1, 'Niger')],
      ['A', 'B'],
    ],
    ['one line apart vertically: both fit', [c('A', 100, 100, 2), c('B', 100, 121, 1)], ['A', 'B']],
    [
      'off screen or not a number: left out',
      [c('A', -5, 100, 3), c('B', 100, 700, 3), c('C', NaN, 1, 3)],
      [],
    ],
  ])('%s', (_, candidates, kept) => {
    expect(placeLabels(candidates, 1024, 640)).toEqual(kept);
  });
  test('no two kept boxes overlap on a dense random field (seeded)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const cands = Array.from({ length: 250 }, (_, i) =>
      c(`C${i}`, rnd() * 1024, rnd() * 640, rnd(), 'Country'),
    );
    const kept = new Set(placeLabels(cands, 1024, 640));
    const boxes = cands.filter((x) => kept.has(x.id));
    expect(boxes.length).toBeGreaterThan(20);
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(Math.abs(a.x - b.x) >= 2 * (3.5 * 6.3 + 3) || Math.abs(a.y - b.y) >= 13 + 6).toBe(true);
  });
});
