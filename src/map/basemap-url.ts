// The basemap's custom-protocol URL (see basemap-worker.ts): the file's absolute URL wrapped in 'cmm-basemap://'.
export const BASEMAP_PROTOCOL = 'cmm-basemap';

/** `absolute`: the TopoJSON's absolute http(s) URL (a worker resolves relative URLs against its own script). */
export function basemapProtocolUrl(absolute: string): string {
  return `${BASEMAP_PROTOCOL}://${encodeURIComponent(absolute)}`;
}

/** The file URL inside a protocol URL (inverse of basemapProtocolUrl). */
export function basemapFileUrl(protocolUrl: string): string {
  return decodeURIComponent(protocolUrl.slice(BASEMAP_PROTOCOL.length + 3));
}
