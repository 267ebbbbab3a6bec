/** The page and type of Gremium's documents: A4, margins, sizes and colours. */
import { rgb } from "pdf-lib";

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 62, right: 56, top: 78, bottom: 72 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const BODY_SIZE = 10.5;
export const LEADING = 1.38;
export const HEADING_SIZES = [0, 17, 13.5, 11.5, 10.5, 10.5, 10.5];
export const BOX_PADDING = 8;
export const CELL_PADDING = 4;
export const TEXT_COLOR = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.38, 0.42);
export const RULE = rgb(0.72, 0.72, 0.76);
export const BOX_FILL = rgb(0.94, 0.95, 0.97);
export const BOX_BAR = rgb(0.16, 0.33, 0.55);
