// The one definition of "China" for risk, scenarios, charts and the basemap tint: mainland China, Hong Kong, Macau.

/** ISO3 codes treated as China (origin, destination, the china-stop scenario, the tint on the map). */
export const CHINA_ISO3_LIST = ['CHN', 'HKG', 'MAC'] as const;
export const CHINA_ISO3: ReadonlySet<string> = new Set(CHINA_ISO3_LIST);
