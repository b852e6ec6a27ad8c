// The supply chain from mine to magnet: its stages (closed list), what each is called per mineral, and its site kinds.
import type { SiteKind } from './types';

/** Stages of the chain, in order. `component`: magnets for rare earths, anode material for graphite. */
export const CHAIN_STAGES = ['mining', 'refining', 'metal', 'component'] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

/** How a cited share reads: a single figure ("about"), "more than" (at-least) or "less than" (at-most). */
export const SHARE_BOUNDS = ['about', 'at-least', 'at-most'] as const;
export type ShareBound = (typeof SHARE_BOUNDS)[number];

/** The site kinds whose plants carry out each stage (the stage view counts the ones the filters keep). */
export const STAGE_KINDS: Readonly<Record<ChainStage, readonly SiteKind[]>> = {
  mining: ['mine'],
  refining: ['separation', 'refinery', 'processing'],
  metal: ['metal-alloy'],
  component: ['magnet', 'battery-materials'],
};

const DEFAULT_LABELS: Readonly<Record<ChainStage, string>> = {
  mining: 'Mining',
  refining: 'Refining',
  metal: 'Metal',
  component: 'Components',
};
/** Per mineral, the stages it has and their names where they differ from the default. */
const MINERAL_STAGES: Readonly<Record<string, Partial<Record<ChainStage, string>>>> = {
  'rare-earths': {
    mining: 'Mining',
    refining: 'Separation (oxides)',
    metal: 'Metal and alloy',
    component: 'Magnets',
  },
  graphite: { mining: 'Mining', refining: 'Spherical / purified', component: 'Anode material' },
};

/** The stages shown for a mineral, with their names: mining and refining for every mineral, more where defined. */
export function stagesOf(mineral: string): { stage: ChainStage; label: string }[] {
  const named = MINERAL_STAGES[mineral] ?? {
    mining: DEFAULT_LABELS.mining,
    refining: DEFAULT_LABELS.refining,
  };
  return CHAIN_STAGES.filter((s) => named[s] !== undefined).map((stage) => ({
    stage,
    label: named[stage] ?? DEFAULT_LABELS[stage],
  }));
}
