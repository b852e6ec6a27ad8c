// Partner-set presets for the allied-supply view: who counts as a partner, with a citation for each membership.
import type { Iso3 } from '../model/types';

/**
 * A named set of partner countries. `members` are ISO 3166-1 alpha-3 codes (Taiwan is TWN; BACI's "S19" is
 * mapped to TWN by the pipeline), without duplicates. `source` cites where the membership comes from; `note`
 * says what the list leaves out (for example a member that is not a country, such as the European Union).
 */
export interface PartnerPreset {
  id: string;
  name: string;
  members: readonly Iso3[];
  source: string;
  note?: string;
}

/**
 * The 27 member states of the European Union since 1 February 2020 (the United Kingdom's withdrawal), sorted.
 * Source: European Union, "EU countries", https://european-union.europa.eu/principles-countries-history/eu-countries_en
 */
export const EU27: readonly Iso3[] = [
  'AUT',
  'BEL',
  'BGR',
  'CYP',
  'CZE',
  'DEU',
  'DNK',
  'ESP',
  'EST',
  'FIN',
  'FRA',
  'GRC',
  'HRV',
  'HUN',
  'IRL',
  'ITA',
  'LTU',
  'LUX',
  'LVA',
  'MLT',
  'NLD',
  'POL',
  'PRT',
  'ROU',
  'SVK',
  'SVN',
  'SWE',
];

const EU27_SOURCE = 'European Union, "EU countries" (27 member states since 1 February 2020)';

/**
 * Presets shown in the partner picker, in display order; the first is the default. The user can edit the set
 * afterwards, so a preset is a starting point, not a claim that these are the only allies.
 */
export const PARTNER_PRESETS: readonly PartnerPreset[] = [
  {
    id: 'us-japan',
    name: 'U.S.–Japan framework',
    members: ['USA', 'JPN'],
    source:
      'The White House, "United States–Japan Framework for Securing the Supply of Critical Minerals and Rare Earths ' +
      'through Mining and Processing", signed in Tokyo on 28 October 2025',
  },
  {
    id: 'us-japan-australia-eu',
    name: '+ Australia and EU',
    members: ['USA', 'JPN', 'AUS', ...EU27],
    source:
      'U.S.–Japan framework (28 October 2025); The White House, "United States–Australia Framework for Securing of ' +
      'Supply in the Mining and Processing of Critical Minerals and Rare Earths", 20 October 2025; ' +
      EU27_SOURCE,
    note: 'Australia and the 27 EU member states are added as like-minded partners, not as parties to the U.S.–Japan framework.',
  },
  {
    id: 'msp',
    name: 'Minerals Security Partnership',
    members: [
      'AUS',
      'CAN',
      'EST',
      'FIN',
      'FRA',
      'DEU',
      'IND',
      'ITA',
      'JPN',
      'KOR',
      'NOR',
      'SWE',
      'GBR',
      'USA',
    ],
    source:
      'U.S. Department of State, "Minerals Security Partnership" (launched 14 June 2022; India joined June 2023, ' +
      'Estonia March 2024): 14 countries and the European Union, as listed in 2024-2025',
    note: 'The European Union (European Commission) is also a member; its other member states are not listed here.',
  },
  {
    id: 'quad',
    name: 'Quad',
    members: ['USA', 'JPN', 'AUS', 'IND'],
    source:
      "U.S. Department of State, Quad Foreign Ministers' Meeting, Washington, 1 July 2025: launch of the Quad " +
      'Critical Minerals Initiative',
  },
  {
    id: 'g7',
    name: 'G7',
    members: ['CAN', 'FRA', 'DEU', 'ITA', 'JPN', 'GBR', 'USA'],
    source: 'G7 Leaders, "G7 Critical Minerals Action Plan", Kananaskis, 17 June 2025',
    note: 'The European Union also takes part in the G7; its other member states are not listed here.',
  },
  {
    id: 'eu27',
    name: 'EU-27',
    members: EU27,
    source: EU27_SOURCE,
  },
];

/** The preset with this id, or undefined. */
export function partnerPreset(id: string): PartnerPreset | undefined {
  return PARTNER_PRESETS.find((p) => p.id === id);
}
