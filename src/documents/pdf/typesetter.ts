/**
 * Setting text with pdf-lib: measuring, breaking runs into lines and drawing them, with each distinct word
 * shaped once per document.
 */
import { PDFHexString, degrees, drawText, type PDFFont, type PDFName, type PDFPage } from "pdf-lib";
import type { Run } from "./blocks";
import { TEXT_COLOR } from "./style";

/** The embedded faces of one document. */
export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * A letter with its combining marks: the graphemes of the scripts the fonts hold (Latin, Greek, Cyrillic).
 * `Intl.Segmenter` knows more scripts but costs about 4 µs a grapheme, a regular expression a tenth of that. At
 * most 8 marks stay with their letter: more is no writing, and each run of 8 is then shaped on its own.
 */
const GRAPHEME = /\P{M}\p{M}{0,8}|\p{M}{1,8}/gu;
const graphemes = (text: string) => text.match(GRAPHEME) ?? [];

/** Italics: the regular face slanted, which is how DejaVu Sans Oblique itself is made. */
const SLANT = degrees(12);

/** A run of one font on one line: its words and spaces, and their width. */
export interface Segment {
  pieces: string[];
  font: PDFFont;
  slanted: boolean;
  width: number;
}

/**
 * fontkit shapes every string pdf-lib measures or encodes, and that dominated rendering time. Here each
 * distinct word is shaped once per document, and a line is drawn as the concatenation of its words'
 * glyphs. That is exact: ligatures and contextual forms are off, so no glyph spans a space, and pdf-lib
 * measures by advance widths without kerning. Font resources are named once per page (pdf-lib's
 * `drawText` adds a new resource entry on every call).
 */
export class Typesetter {
  private readonly words = new Map<PDFFont, Map<string, { width: number; hex: string }>>();
  private readonly fontKeys = new Map<PDFPage, Map<PDFFont, PDFName>>();

  constructor(readonly fonts: Fonts) {}

  /** The face of a run; italics are drawn slanted from the regular face. */
  fontOf(run: Pick<Run, "bold">): PDFFont {
    return run.bold ? this.fonts.bold : this.fonts.regular;
  }

  /**
   * A text's width at size 1 and its glyphs as hex, kept once per document. Only a single grapheme is shaped by
   * fontkit (about 200 µs each, so a document of many distinct words would take seconds); a longer text is put
   * together from its graphemes, which is exact, as above, and linear in its length.
   */
  private shape(font: PDFFont, text: string): { width: number; hex: string } {
    let cache = this.words.get(font);
    if (!cache) this.words.set(font, (cache = new Map()));
    let shaped = cache.get(text);
    if (shaped) return shaped;
    const parts = graphemes(text);
    if (parts.length === 1) shaped = { width: font.widthOfTextAtSize(text, 1), hex: font.encodeText(text).asString() };
    else {
      const glyphs = parts.map((grapheme) => this.shape(font, grapheme));
      shaped = { width: glyphs.reduce((sum, part) => sum + part.width, 0), hex: glyphs.map((part) => part.hex).join("") };
    }
    cache.set(text, shaped);
    return shaped;
  }

  /** The width of a word (or any text without line breaks) at a size. */
  width(font: PDFFont, text: string, size: number): number {
    return this.shape(font, text).width * size;
  }

  draw(page: PDFPage, segment: Segment, x: number, y: number, size: number) {
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(segment.font);
    if (!key) keys.set(segment.font, (key = page.node.newFontDictionary(segment.font.name, segment.font.ref)));
    const hex = segment.pieces.map((piece) => this.shape(segment.font, piece).hex).join("");
    const ySkew = segment.slanted ? SLANT : degrees(0);
    page.pushOperators(
      ...drawText(PDFHexString.of(hex), { x, y, size, font: key, color: TEXT_COLOR, rotate: degrees(0), xSkew: degrees(0), ySkew }),
    );
  }

  /**
   * Splits a word wider than a line into pieces that fit, between graphemes (a letter and its accents stay
   * together). Each distinct grapheme is measured once and the widths are summed, which is exact for the same
   * reason as above (advance widths, no kerning), so the work is linear in the word.
   */
  private split(font: PDFFont, word: string, size: number, width: number): { text: string; width: number }[] {
    const pieces: { text: string; width: number }[] = [];
    let piece = { text: "", width: 0 };
    for (const grapheme of graphemes(word)) {
      const advance = this.width(font, grapheme, size);
      if (piece.text !== "" && piece.width + advance > width) {
        pieces.push(piece);
        piece = { text: "", width: 0 };
      }
      piece.text += grapheme;
      piece.width += advance;
    }
    pieces.push(piece);
    return pieces;
  }

  /** Breaks styled runs into lines that fit the width, at spaces; a word longer than a line is split. */
  wrap(runs: Run[], size: number, width: number): Segment[][] {
    const lines: Segment[][] = [[]];
    let lineWidth = 0;
    const measure = (font: PDFFont, text: string) => this.width(font, text, size);
    const push = (text: string, font: PDFFont, slanted: boolean, pieceWidth = measure(font, text)) => {
      const line = lines.at(-1)!;
      const last = line.at(-1);
      if (last && last.font === font && last.slanted === slanted) {
        last.pieces.push(text);
        last.width += pieceWidth;
      } else line.push({ pieces: [text], font, slanted, width: pieceWidth });
      lineWidth += pieceWidth;
    };
    const trimLine = () => {
      const last = lines.at(-1)!.at(-1);
      if (last?.pieces.at(-1) === " ") last.width -= measure(last.font, last.pieces.pop()!);
    };
    const newLine = () => {
      trimLine();
      lines.push([]);
      lineWidth = 0;
    };
    for (const run of runs) {
      const font = this.fontOf(run);
      for (const piece of run.text.split(/(\n|\s+)/)) {
        if (piece === "") continue;
        if (piece === "\n") {
          newLine();
          continue;
        }
        if (/^\s+$/.test(piece)) {
          if (lineWidth > 0) push(" ", font, run.italic);
          continue;
        }
        const pieceWidth = measure(font, piece);
        const parts = pieceWidth > width ? this.split(font, piece, size, width) : [];
        const last = parts.pop() ?? { text: piece, width: pieceWidth };
        for (const part of parts) {
          if (lineWidth > 0) newLine();
          push(part.text, font, run.italic, part.width);
          newLine();
        }
        if (lineWidth > 0 && lineWidth + last.width > width) newLine();
        push(last.text, font, run.italic, last.width);
      }
    }
    trimLine();
    return lines.filter((line, index) => line.length > 0 || index < lines.length - 1);
  }
}
