// Known processing plants, located from company and government pages (not from the curated tables), must each have
// a published site (public/data/sites.geojson) of the right kind and country within 25 km.
import { readFileSync } from 'node:fs';
import { distance } from '@turf/distance';
import { describe, expect, test } from 'vitest';

/** A plant is found when a published site of its kind and country lies within this distance (km). */
const WITHIN_KM = 25;

interface SiteFeature {
  geometry: { coordinates: [number, number] };
  properties: { id: string; kind: string; country: string };
}

/**
 * Each row: the plant, the kind and ISO3 country it should be published as, and its position (WGS84 degrees) at the
 * town, industrial park or street the cited page names (looked up with the search tool; the URL is in the comment).
 * Where no company or government page turned up, the comment says the page is a news report.
 */
const PLANTS: { plant: string; kind: string; country: string; lat: number; lng: number }[] = [
  // mole.my/lynas-is-not-moving-out-of-malaysia/ (news, quoting Lynas Malaysia): "processing plant in Gebeng near Kuantan"
  { plant: 'Lynas Malaysia, Gebeng', kind: 'separation', country: 'MYS', lat: 3.97, lng: 103.38 },
  // lynasrareearths via processonline.com.au/content/business/news/lynas-opens-kalgoorlie-rare-earths-processing-facility-477360092
  { plant: 'Lynas Kalgoorlie', kind: 'processing', country: 'AUS', lat: -30.78, lng: 121.45 },
  // cen.acs.org/materials/Solvay-expand-rare-earth-plant/100/i34 (news, Solvay announcement): "its plant in La Rochelle"
  { plant: 'Solvay La Rochelle', kind: 'separation', country: 'FRA', lat: 46.16, lng: -1.15 },
  // cefic.org/responsible-care/2022-european-responsible-care-awards/.../us-eu-supply-chain-of-critical-rare-earths-production-initiative/
  { plant: 'NPM Silmet, Sillamae', kind: 'separation', country: 'EST', lat: 59.4, lng: 27.76 },
  // investinestonia.com/estonia-celebrates-groundbreaking-for-a-revolutionary-magnet-plant-in-narva/ (Estonian agency)
  { plant: 'Neo magnet plant, Narva', kind: 'magnet', country: 'EST', lat: 59.38, lng: 28.18 },
  // chemengonline.com/shin-etsu-to-construct-rare-earth-magnet-plant-in-vietnam (Shin-Etsu release): "Takefu Plant in Fukui"
  { plant: 'Shin-Etsu Takefu Plant, Echizen', kind: 'magnet', country: 'JPN', lat: 35.9, lng: 136.17 },
  // same page: "Shin-Etsu Magnetic Materials Vietnam ... in Hai Phong Province"
  {
    plant: 'Shin-Etsu Magnetic Materials Vietnam, Hai Phong',
    kind: 'magnet',
    country: 'VNM',
    lat: 20.86,
    lng: 106.68,
  },
  // fortworthinc.com/news/fort-worth-city-council-approves-tax-abatement-for-mp-materi/ : "AllianceTexas development in north Fort Worth"
  { plant: 'MP Materials Independence, Fort Worth', kind: 'magnet', country: 'USA', lat: 32.99, lng: -97.32 },
  // magneticsmag.com/2026/03 (MP release): "a 120acre site in Northlake, Texas ... less than 10 miles from ... Independence"
  { plant: "MP Materials '10X', Northlake", kind: 'magnet', country: 'USA', lat: 33.08, lng: -97.26 },
  // noveon.co/san-marcos-company-aims-to-energize-us-magnets-supply (company page)
  { plant: 'Noveon Magnetics, San Marcos', kind: 'magnet', country: 'USA', lat: 29.88, lng: -97.94 },
  // sumteredge.com/news/article/evac-magnetics-to-build-first-u.s-facility-in-sumter-south-carolina (Sumter Economic Development)
  { plant: 'e-VAC Magnetics, Sumter', kind: 'magnet', country: 'USA', lat: 33.92, lng: -80.34 },
  // kinzig.news/24934/landrat-thorsten-stolz-besucht-zentrale-der-vacuumschmelze (district press office): VAC headquarters, Hanau
  { plant: 'Vacuumschmelze, Hanau', kind: 'magnet', country: 'DEU', lat: 50.13, lng: 8.92 },
  // lesscommonmetals.com/less-common-metals-celebrates-30-years-in-business/ : "our current site in Hooton Park, Ellesmere Port"
  {
    plant: 'Less Common Metals, Ellesmere Port',
    kind: 'metal-alloy',
    country: 'GBR',
    lat: 53.29,
    lng: -2.94,
  },
  // www.iluka.com/operations-resource-development/resource-development/eneabba : "fully integrated rare earths refinery at Eneabba"
  { plant: 'Iluka Eneabba refinery', kind: 'separation', country: 'AUS', lat: -29.82, lng: 115.27 },
  // chemengonline.com/carester-to-build-rare-earth-recycling-and-refining-facility-in-france (Carester release): Lacq
  { plant: 'Caremag, Lacq', kind: 'separation', country: 'FRA', lat: 43.41, lng: -0.62 },
  // www.heraeus.com/en/landingspages/hrm/news_and_press/material/20240514_pm_startmeldung.html : "new plant in Bitterfeld"
  { plant: 'Heraeus Remloy, Bitterfeld-Wolfen', kind: 'recycling', country: 'DEU', lat: 51.63, lng: 12.3 },
  // www.recyclingtoday.com/news/cyclic-materials-invests-25-million-rare-earth-recycling-facility-kingston-ontario (news)
  { plant: 'Cyclic Materials, Kingston', kind: 'recycling', country: 'CAN', lat: 44.23, lng: -76.49 },
  // www.einpresswire.com/article/644332817/reelement-technologies-selects-location-for-its-next-critical-mineral-refining-facility-in-marion-indiana
  { plant: 'ReElement Marion Supersite', kind: 'separation', country: 'USA', lat: 40.56, lng: -85.66 },
  // agmetalminer.com/2013/03/21/new-rare-earths-plant-with-india-japan-partnership-as-backdrop/ (news): "based at Vishakapatnam"
  {
    plant: 'Toyotsu Rare Earths India, Visakhapatnam',
    kind: 'separation',
    country: 'IND',
    lat: 17.69,
    lng: 83.22,
  },
  // www.coastline.fi/umicore-finland-helps-build-a-european-supply-chain-for-electric-car-batteries/ : Kokkola Industrial Park
  { plant: 'Umicore Kokkola cobalt refinery', kind: 'refinery', country: 'FIN', lat: 63.85, lng: 23.03 },
  // www.iom3.org/resource/construction-of-keliber-s-lithium-project-to-begin.html : "built in Kokkola Industrial Park (KIP)"
  {
    plant: 'Keliber lithium hydroxide refinery, Kokkola',
    kind: 'refinery',
    country: 'FIN',
    lat: 63.85,
    lng: 23.03,
  },
  // ar2019.nornickel.com/business-overview/operational-performance/finland (company annual report)
  { plant: 'Nornickel Harjavalta', kind: 'refinery', country: 'FIN', lat: 61.31, lng: 22.14 },
  // en.tianqilithium.com/content/details17_1137.html (company): "Tianqi Lithium's Kwinana Plant in Perth"
  { plant: 'Tianqi Kwinana lithium hydroxide', kind: 'refinery', country: 'AUS', lat: -32.24, lng: 115.77 },
  // www.albemarle.com/western-australia (company): "Kemerton Strategic Industrial Area in Western Australia"
  { plant: 'Albemarle Kemerton', kind: 'refinery', country: 'AUS', lat: -33.16, lng: 115.77 },
  // magazine.cim.org/en/news/2025/weekly-mining-news-recap-june-27 : "Teck Resources' Trail Operations in Trail, B.C."
  { plant: 'Teck Trail Operations (germanium)', kind: 'refinery', country: 'CAN', lat: 49.1, lng: -117.71 },
  // sumitomo.gr.jp/english/act/visits/01 (Sumitomo group): "Niihama, Ehime Prefecture ... Niihama Nickel Refinery"
  { plant: 'Sumitomo Metal Mining Niihama', kind: 'refinery', country: 'JPN', lat: 33.96, lng: 133.28 },
  // nemaskalithium.com/en/becancour-conversion-facility (company): "Parc industriel et portuaire de Bécancour"
  { plant: 'Nemaska Lithium, Becancour', kind: 'refinery', country: 'CAN', lat: 46.37, lng: -72.38 },
  // www.kristv.com/news/local-news/abbott-and-musk-to-speak-at-tesla-refinery-groundbreaking-in-robstown (news): "south of Robstown on US 77"
  { plant: 'Tesla lithium refinery, Robstown', kind: 'refinery', country: 'USA', lat: 27.76, lng: -97.66 },
  // www.invest-in-saxony-anhalt.com/press/amg-lithium-gmbh-acquires-land-for-lithium-hydroxide-refinery-in-bitterfeld-wolfen
  { plant: 'AMG Lithium, Bitterfeld-Wolfen', kind: 'refinery', country: 'DEU', lat: 51.63, lng: 12.3 },
  // semiconductor-today.com/news_items/2024/apr/5nplus-220424.shtml (DoD award): "its facility in St. George, Utah"
  { plant: '5N Plus, St. George', kind: 'refinery', country: 'USA', lat: 37.1, lng: -113.58 },
  // www.businesswire.com/news/home/20260302061849/en/ (Rio Tinto release): "pilot plant at its Complexe Jonquière in Saguenay"
  { plant: 'Rio Tinto gallium pilot, Jonquiere', kind: 'refinery', country: 'CAN', lat: 48.42, lng: -71.2 },
  // www.naftemporiki.gr/english/1887085/ (news, Metlen and ministry): "Industrial Center in Agios Nikolaos, Boeotia"
  { plant: 'Metlen gallium, Agios Nikolaos', kind: 'refinery', country: 'GRC', lat: 38.37, lng: 22.66 },
  // www.syrahresources.com.au/our-business/vidalia-active-anode-material-facility (company): "Vidalia, Concordia Parish, Louisiana"
  { plant: 'Syrah Vidalia', kind: 'battery-materials', country: 'USA', lat: 31.57, lng: -91.43 },
  // www.chattanoogan.com/2023/10/31/477518/Riverfront-Parkway-Battery-Firm.aspx (Novonix release): "Riverfront Parkway facility"
  {
    plant: 'Novonix Riverside, Chattanooga',
    kind: 'battery-materials',
    country: 'USA',
    lat: 35.04,
    lng: -85.32,
  },
  // www.talgagroup.com/our-operations/lulea/ (company): "Situated within the Luleå Industrial Park"
  { plant: 'Talga Lulea anode refinery', kind: 'battery-materials', country: 'SWE', lat: 65.6, lng: 22.1 },
  // www.heroya-industripark.no/en/news/vianode-invests-nok-2-billion-at-heroeya (industrial park): Herøya, Porsgrunn
  { plant: 'Vianode, Heroya', kind: 'battery-materials', country: 'NOR', lat: 59.12, lng: 9.64 },
];

const sites = (JSON.parse(readFileSync('public/data/sites.geojson', 'utf8')) as { features: SiteFeature[] })
  .features;

/** The nearest published site of the plant's kind and country, with its distance (km), or null. */
function nearest(p: (typeof PLANTS)[number]): { id: string; km: number } | null {
  let best: { id: string; km: number } | null = null;
  for (const f of sites) {
    if (f.properties.kind !== p.kind || f.properties.country !== p.country) continue;
    const km = distance([p.lng, p.lat], f.geometry.coordinates, { units: 'kilometers' });
    if (!best || km < best.km) best = { id: f.properties.id, km };
  }
  return best;
}

describe('known processing plants are on the map', () => {
  test('the table covers at least 30 plants', () => {
    expect(PLANTS.length).toBeGreaterThanOrEqual(30);
  });
  test.each(PLANTS)('$plant ($kind, $country)', (p) => {
    const found = nearest(p);
    expect(found, `no ${p.kind} site in ${p.country}`).not.toBeNull();
    expect(found?.km ?? Infinity, `nearest is ${found?.id}`).toBeLessThanOrEqual(WITHIN_KM);
  });
});
