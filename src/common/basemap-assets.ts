/**
 * The base map's asset names, as geo/basemap.ts writes them: declared once, apart from their decoder, so that the boot
 * module can start their download (the first frame waits for the land) without pulling the decoder in.
 */
export const basemapAssets = { geometry: 'basemap_land.bin', attributes: 'basemap_land.arrow', labels: 'basemap_labels.arrow' } as const;
