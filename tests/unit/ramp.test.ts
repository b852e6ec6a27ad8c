// Colour ramps: one module feeds the arcs, the CSS legends, canvas exports and MapLibre's choropleth.
import { describe, expect, test } from 'vitest';
import { LOSS_RAMP, SHARE_RAMP } from '../../src/config/ramps';
import { rampColor, rampCss, rampStops, rgbCss } from '../../src/derive/ramp';

describe('ramps', () => {
  test.each([
    ['share', SHARE_RAMP],
    ['loss', LOSS_RAMP],
  ] as const)('%s ramp: stops rise from 0 to 1 with valid channels', (_name, ramp) => {
    expect(ramp[0]?.[0]).toBe(0);
    expect(ramp[ramp.length - 1]?.[0]).toBe(1);
    for (let i = 1; i < ramp.length; i++) expect(ramp[i]?.[0]).toBeGreaterThan(ramp[i - 1]?.[0] ?? 1);
    for (const [, c] of ramp) for (const v of c) expect(v >= 0 && v <= 255 && Number.isInteger(v)).toBe(true);
  });

  test('rampColor hits the stops, interpolates between them and clamps outside 0..1', () => {
    expect(rampColor(LOSS_RAMP, 0)).toEqual([241, 238, 246]);
    expect(rampColor(LOSS_RAMP, 0.5)).toEqual([116, 169, 207]);
    expect(rampColor(LOSS_RAMP, 0.125)).toEqual([215, 220, 236]);
    expect(rampColor(LOSS_RAMP, -3)).toEqual(rampColor(LOSS_RAMP, 0));
    expect(rampColor(LOSS_RAMP, 7)).toEqual([4, 90, 141]);
  });

  test('CSS gradient and stops use the same colours', () => {
    expect(rgbCss([1, 2, 3])).toBe('rgb(1, 2, 3)');
    expect(rampStops(SHARE_RAMP)[0]).toEqual([0, 'rgb(254, 224, 139)']);
    expect(rampCss(LOSS_RAMP)).toBe(
      'linear-gradient(to right, rgb(241, 238, 246) 0%, rgb(189, 201, 225) 25%, rgb(116, 169, 207) 50%, rgb(43, 140, 190) 75%, rgb(4, 90, 141) 100%)',
    );
  });
});
