// The phone sheet's states: a pull up raises it, a pull down lowers it, a tap toggles open and peek.
import { describe, expect, test } from 'vitest';
import { nextSheetState, type SheetState } from '../../src/ui/sheet';

describe('nextSheetState', () => {
  test.each<[SheetState, -1 | 0 | 1, SheetState]>([
    ['closed', -1, 'peek'],
    ['peek', -1, 'open'],
    ['open', -1, 'open'],
    ['open', 1, 'peek'],
    ['peek', 1, 'closed'],
    ['closed', 1, 'closed'],
    ['closed', 0, 'open'],
    ['peek', 0, 'open'],
    ['open', 0, 'peek'],
  ])('%s, move %i -> %s', (state, move, next) => {
    expect(nextSheetState(state, move)).toBe(next);
  });
});
