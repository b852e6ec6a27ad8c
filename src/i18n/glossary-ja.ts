// Japanese names for minerals (by mineral id), site kinds and site statuses, after METI/JOGMEC usage (needs review by a native speaker).
import type { SiteKind, SiteStatus } from '../model/types';

/** Mineral names by canonical mineral id (public/data/minerals.json); an id not listed keeps its English name. */
export const MINERALS_JA: Readonly<Record<string, string>> = {
  'rare-earths': 'レアアース',
  lithium: 'リチウム',
  cobalt: 'コバルト',
  nickel: 'ニッケル',
  graphite: '黒鉛',
  gallium: 'ガリウム',
  germanium: 'ゲルマニウム',
  antimony: 'アンチモン',
  tungsten: 'タングステン',
  manganese: 'マンガン',
  niobium: 'ニオブ',
  tantalum: 'タンタル',
  vanadium: 'バナジウム',
  titanium: 'チタン',
  'platinum-group': '白金族金属',
  beryllium: 'ベリリウム',
  fluorspar: '蛍石',
  magnesium: 'マグネシウム',
};

export const KINDS_JA: Readonly<Record<SiteKind, string>> = {
  deposit: '鉱床',
  mine: '鉱山',
  processing: '処理施設',
  separation: '分離施設',
  refinery: '製錬・精製所',
  'metal-alloy': '金属・合金',
  magnet: '磁石',
  'battery-materials': '電池材料',
  recycling: 'リサイクル',
};

export const STATUSES_JA: Readonly<Record<SiteStatus, string>> = {
  operating: '操業中',
  construction: '建設中',
  planned: '計画中',
  'care-and-maintenance': '休止中',
  closed: '閉鎖',
  historic: '歴史的',
  unknown: '不明',
};
