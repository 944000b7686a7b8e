/**
 * The diagram's level of detail (semantic zoom). Text is never shrunk with the view: every label
 * is drawn at its screen size (TEXT_PX, never below MIN_TEXT_PX) whatever the zoom, and a node
 * shows only the rows of text that fit its box on screen. Zoomed out, a cluster is one card (its
 * name, host count, problems); zoomed in far enough for a host's name to fit its tile, the hosts
 * are drawn.
 *
 * Text scale: below zoom 1 a label's size in diagram units is its screen size / zoom, so it stays
 * the same on screen; from zoom 1 up it grows with the view like everything else.
 */

/** No text in the diagram is drawn smaller than this on screen (px). */
export const MIN_TEXT_PX = 11;

/** Screen sizes (px) of the diagram's text, at zoom 1 and below. */
export const TEXT_PX = { title: 13, body: 12, small: 11 } as const;

/** The height of one row of text on screen (px) and a box's padding above and below it. */
export const ROW_PX = 17;
export const BOX_PADDING_PX = 4;

/** Zoom -> text scale: the factor between a label's screen size and its size in diagram units. */
export function textScale(zoom: number): number {
  return zoom > 0 && zoom < 1 ? zoom : 1;
}

/** The on-screen size (px) of text of `px` screen pixels at `zoom`: never smaller than px. */
export function onScreenTextPx(px: number, zoom: number): number {
  return (px / textScale(zoom)) * zoom;
}

/** How many rows of text fit a box `height` diagram units tall at `zoom` (0: draw no text). */
export function rowsThatFit(height: number, zoom: number): number {
  const screen = height * textScale(zoom) - 2 * BOX_PADDING_PX;
  return Math.max(0, Math.floor(screen / ROW_PX));
}

/** A host tile's height in diagram units (layout SIZES.host.height). */
const HOST_TILE_HEIGHT = 66;

/**
 * The zoom from which hosts are drawn: the first zoom where a host tile fits one row of text (its
 * name). Below it a cluster is one card.
 */
export const HOSTS_ZOOM = Math.ceil(((ROW_PX + 2 * BOX_PADDING_PX) / HOST_TILE_HEIGHT) * 100) / 100;

/** 'clusters': clusters as cards (hosts not drawn); 'hosts': clusters open onto their hosts. */
export type DiagramLevel = 'clusters' | 'hosts';

export function diagramLevel(zoom: number): DiagramLevel {
  return zoom < HOSTS_ZOOM ? 'clusters' : 'hosts';
}

/**
 * The height (diagram units) of the band above a zone or a pod that holds its name. It grows with
 * the diagram so that, fitted to a screen about 1,100 px wide (or 600 tall), the band holds a row
 * of text: the zone and pod names read at the initial view of a large cloud.
 */
export function bandHeight(width: number, height: number): number {
  const fitted = Math.max(width / 1100, height / 600, 1);
  return Math.ceil((ROW_PX + 2 * BOX_PADDING_PX + 4) * fitted);
}
