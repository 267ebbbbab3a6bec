/**
 * Lays Markdown out onto A4 pages with pdf-lib: headings, paragraphs with bold and italic, nested lists,
 * tables with wrapped cells and repeated header rows, boxes (block quotes), page header and footer with
 * "Seite X von Y", bookmarks and metadata. Bytes and strings in, bytes out; the same input gives the same
 * bytes (no clock, no randomness).
 */
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PDFName, PDFNumber, PDFString, degrees, rgb, type PDFDict, type PDFPage, type PDFRef } from "pdf-lib";
import { blocksOf, type Block, type Run } from "./blocks";
import {
  A4,
  BODY_SIZE,
  BOX_BAR,
  BOX_FILL,
  BOX_PADDING,
  CELL_PADDING,
  CONTENT_WIDTH,
  HEADING_SIZES,
  LEADING,
  MARGIN,
  MUTED,
  RULE,
  TEXT_COLOR,
} from "./style";
import { Typesetter, type Fonts, type Segment } from "./typesetter";
import type { Chart } from "../charts";
import { Problem } from "../../errors";

/**
 * The most pages one document may have. Wrapping is linear in the text, so the pages bound the work of a render;
 * a document beyond them fails with a clear error instead of holding the process (a 30-item minutes has 20).
 */
export const MAX_PAGES = 400;

/**
 * Two faces: italics are the regular face slanted (see `Typesetter`), which is how DejaVu Sans Oblique itself is
 * made; one face less keeps every PDF and the Worker bundle about 100 KiB smaller.
 */
export interface FontSet {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Where a document's next part starts on a new page (after a title page). */
export const PAGE_BREAK = { pageBreak: true } as const;
export type PdfPart = string | Chart | typeof PAGE_BREAK;

export interface PdfOptions {
  /** Markdown, or Markdown with charts between it (drawn as vectors from their geometry) and page breaks. */
  markdown: string | PdfPart[];
  fonts: FontSet;
  title: string;
  subject: string;
  author: string;
  /** The document's date (from the data, never the clock), for the metadata. */
  date: Date;
  /** Text at the top of every page, e.g. the body's letterhead. */
  header: string;
  /** Text at the bottom of every page, before "Seite X von Y". */
  footer: string;
  /** The document's page on the web, printed under the footer. */
  link?: string;
  /** A diagonal marking on every page, e.g. "ENTWURF". */
  watermark?: string;
  /** Optional logo (PNG or JPEG) at the top right of the first page. */
  logo?: Uint8Array;
}

class Layout {
  readonly pages: PDFPage[] = [];
  readonly outline: { title: string; page: number; y: number }[] = [];
  private page!: PDFPage;
  private y = 0;

  private readonly typesetter: Typesetter;

  constructor(
    private readonly doc: PDFDocument,
    fonts: Fonts,
  ) {
    this.typesetter = new Typesetter(fonts);
    this.newPage();
  }

  newPage() {
    if (this.pages.length >= MAX_PAGES)
      throw new Problem(
        "unprocessable",
        `Das Dokument wäre länger als ${MAX_PAGES} Seiten und wird nicht als PDF erzeugt. ` +
          "Bitte kürzen Sie den Text oder geben Sie ihn als Anlage bei.",
      );
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensure(height: number) {
    if (this.y - height < MARGIN.bottom && this.y < A4.height - MARGIN.top) this.newPage();
  }

  drawLines(lines: Segment[][], x: number, size: number) {
    const lineHeight = size * LEADING;
    for (const line of lines) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      let cursor = x;
      for (const segment of line) {
        this.typesetter.draw(this.page, segment, cursor, this.y + size * 0.28, size);
        cursor += segment.width;
      }
    }
  }

  /** A heading, kept with at least three lines of what follows, or with `keepWith` points of it (a chart). */
  heading(block: Extract<Block, { kind: "heading" }>, keepWith = 0) {
    const size = HEADING_SIZES[block.level] ?? BODY_SIZE;
    const runs = block.runs.map((r) => ({ ...r, bold: true }));
    const lines = this.typesetter.wrap(runs, size, CONTENT_WIDTH);
    this.ensure(size * 0.9 + lines.length * size * LEADING + Math.max(3 * BODY_SIZE * LEADING, keepWith));
    if (this.y < A4.height - MARGIN.top) this.y -= size * 0.9;
    if (block.level <= 2) this.outline.push({ title: block.runs.map((r) => r.text).join(""), page: this.pages.length - 1, y: this.y });
    this.drawLines(lines, MARGIN.left, size);
    if (block.level === 1) {
      this.y -= 4;
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y },
        end: { x: A4.width - MARGIN.right, y: this.y },
        thickness: 0.8,
        color: BOX_BAR,
      });
    }
    this.y -= size * 0.35;
  }

  paragraph(block: Extract<Block, { kind: "paragraph" }>) {
    const bulletWidth = block.bullet ? 14 : 0;
    const x = MARGIN.left + block.indent + bulletWidth;
    const width = CONTENT_WIDTH - block.indent - bulletWidth - (block.boxed ? BOX_PADDING : 0);
    const lines = this.typesetter.wrap(block.runs, BODY_SIZE, width);
    const lineHeight = BODY_SIZE * LEADING;
    if (block.boxed) {
      // A box is drawn as one piece where it fits on a page, split only when it is longer than a page.
      const height = lines.length * lineHeight + 2 * BOX_PADDING;
      this.ensure(Math.min(height, A4.height - MARGIN.top - MARGIN.bottom));
      const top = this.y;
      const fits = top - height >= MARGIN.bottom;
      if (fits) {
        this.page.drawRectangle({ x: MARGIN.left, y: top - height, width: CONTENT_WIDTH, height, color: BOX_FILL });
        this.page.drawRectangle({ x: MARGIN.left, y: top - height, width: 3, height, color: BOX_BAR });
      }
      this.y -= BOX_PADDING;
      this.drawLines(lines, x, BODY_SIZE);
      this.y -= BOX_PADDING + 6;
      return;
    }
    if (block.bullet) {
      this.ensure(lineHeight);
      this.page.drawText(block.bullet, {
        x: x - bulletWidth,
        y: this.y - lineHeight + BODY_SIZE * 0.28,
        size: BODY_SIZE,
        font: this.typesetter.fonts.regular,
        color: TEXT_COLOR,
      });
    }
    // A short paragraph stays on one page; a long one leaves no single line at the bottom of a page (an orphan).
    if (lines.length > 1) this.ensure((lines.length <= 6 ? lines.length : 2) * lineHeight);
    this.drawLines(lines, x, BODY_SIZE);
    this.y -= block.bullet ? 1.5 : BODY_SIZE * 0.55;
  }

  table(block: Extract<Block, { kind: "table" }>) {
    const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
    if (columns === 0) return;
    const size = BODY_SIZE - 1;
    const lineHeight = size * LEADING;
    // Column widths follow the longest text in each column; no column is narrower than its longest word.
    const text = (cell: Run[] | undefined) => (cell ?? []).map((r) => r.text).join("");
    const font = (run: Run, bold: boolean) => this.typesetter.fontOf({ bold: bold || run.bold });
    const measure = (cell: Run[] | undefined, bold: boolean) =>
      (cell ?? []).reduce((sum, run) => sum + this.typesetter.width(font(run, bold), run.text, size), 0);
    const longestWord = (cell: Run[] | undefined, bold: boolean) =>
      Math.max(
        0,
        ...(cell ?? []).flatMap((run) => run.text.split(/\s+/).map((word) => this.typesetter.width(font(run, bold), word, size))),
      );
    const natural = Array.from(
      { length: columns },
      (_, c) => Math.max(24, measure(block.header[c], true), ...block.rows.map((row) => measure(row[c], false))) + 2 * CELL_PADDING,
    );
    const minimum = Array.from(
      { length: columns },
      (_, c) => Math.max(24, longestWord(block.header[c], true), ...block.rows.map((row) => longestWord(row[c], false))) + 2 * CELL_PADDING,
    );
    const total = natural.reduce((a, b) => a + b, 0);
    const columnWidths =
      total <= CONTENT_WIDTH
        ? natural.map((w) => w + (CONTENT_WIDTH - total) / columns)
        : (() => {
            // Give every column its minimum, and share the rest in proportion to what each would like beyond it.
            const spare = CONTENT_WIDTH - minimum.reduce((a, b) => a + b, 0);
            const wish = natural.map((w, c) => w - minimum[c]!);
            const wishes = wish.reduce((a, b) => a + b, 0) || 1;
            return minimum.map((m, c) => m + Math.max(0, spare) * (wish[c]! / wishes));
          })();

    const layoutRow = (cells: Run[][], bold: boolean) => {
      const wrapped = columnWidths.map((w, c) =>
        this.typesetter.wrap(
          (cells[c] ?? []).map((r) => ({ ...r, bold: bold || r.bold })),
          size,
          w - 2 * CELL_PADDING,
        ),
      );
      return { wrapped, height: Math.max(1, ...wrapped.map((l) => l.length)) * lineHeight + 2 * CELL_PADDING };
    };
    const drawRow = (row: ReturnType<typeof layoutRow>, shaded: boolean) => {
      let x = MARGIN.left;
      const top = this.y;
      if (shaded) this.page.drawRectangle({ x, y: top - row.height, width: CONTENT_WIDTH, height: row.height, color: BOX_FILL });
      row.wrapped.forEach((lines, c) => {
        let y = top - CELL_PADDING;
        for (const line of lines) {
          y -= lineHeight;
          let cursor = x + CELL_PADDING;
          for (const segment of line) {
            this.typesetter.draw(this.page, segment, cursor, y + size * 0.28, size);
            cursor += segment.width;
          }
        }
        x += columnWidths[c]!;
      });
      this.y -= row.height;
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y },
        end: { x: A4.width - MARGIN.right, y: this.y },
        thickness: 0.5,
        color: RULE,
      });
    };

    const header = block.header.some((cell) => text(cell).trim() !== "") ? layoutRow(block.header, true) : null;
    const rows = block.rows.map((cells) => layoutRow(cells, false));
    this.ensure((header?.height ?? 0) + (rows[0]?.height ?? 0));
    if (header) drawRow(header, true);
    for (const row of rows) {
      // A row never splits; on a new page the header row is repeated.
      if (this.y - row.height < MARGIN.bottom) {
        this.newPage();
        if (header) drawRow(header, true);
      }
      drawRow(row, false);
    }
    this.y -= BODY_SIZE * 0.8;
  }

  /**
   * A chart under its title, drawn from its geometry: SVG paths through pdf-lib (which flips the y axis as SVG
   * has it), rectangles, and text set like the rest of the document. It is scaled to the width of the text.
   */
  /** The height a chart takes with its title. */
  chartHeight(chart: Chart): number {
    const title = this.typesetter.wrap([{ text: chart.title, bold: true, italic: false }], BODY_SIZE, CONTENT_WIDTH);
    return title.length * BODY_SIZE * LEADING + 6 + chart.height * Math.min(1, CONTENT_WIDTH / chart.width);
  }

  chart(chart: Chart) {
    const scale = Math.min(1, CONTENT_WIDTH / chart.width);
    const title = this.typesetter.wrap([{ text: chart.title, bold: true, italic: false }], BODY_SIZE, CONTENT_WIDTH);
    const height = chart.height * scale;
    this.ensure(this.chartHeight(chart));
    this.drawLines(title, MARGIN.left, BODY_SIZE);
    this.y -= 6;
    const left = MARGIN.left;
    const top = this.y;
    for (const mark of chart.marks) {
      if (mark.kind === "path") {
        this.page.drawSvgPath(mark.d, {
          x: left,
          y: top,
          scale,
          ...(mark.fill ? { color: hexColor(mark.fill) } : {}),
          ...(mark.stroke ? { borderColor: hexColor(mark.stroke), borderWidth: mark.strokeWidth ?? 1 } : {}),
          ...(mark.dash ? { borderDashArray: mark.dash } : {}),
        });
      } else if (mark.kind === "rect") {
        this.page.drawRectangle({
          x: left + mark.x * scale,
          y: top - (mark.y + mark.height) * scale,
          width: mark.width * scale,
          height: mark.height * scale,
          color: hexColor(mark.fill),
          ...(mark.stroke ? { borderColor: hexColor(mark.stroke), borderWidth: (mark.strokeWidth ?? 1) * scale } : {}),
        });
      } else {
        const size = mark.size * scale;
        const font = this.typesetter.fontOf({ bold: mark.bold ?? false });
        const width = this.typesetter.width(font, mark.text, size);
        const x = left + mark.x * scale - (mark.anchor === "end" ? width : mark.anchor === "middle" ? width / 2 : 0);
        this.typesetter.draw(this.page, { pieces: [mark.text], font, slanted: false, width }, x, top - mark.y * scale, size);
      }
    }
    this.y -= height + BODY_SIZE * 0.8;
  }

  rule() {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: A4.width - MARGIN.right, y: this.y },
      thickness: 0.5,
      color: RULE,
    });
    this.y -= 6;
  }

  space(height: number) {
    this.y -= height;
  }
}

/** The Markdown of a document's content, its charts left out (their summaries and tables are Markdown beside them). */
export function markdownOf(content: PdfOptions["markdown"]): string {
  return typeof content === "string" ? content : content.filter((part) => typeof part === "string").join("\n\n");
}

/** "#0b4f8a" as pdf-lib's colour. */
function hexColor(hex: string) {
  const value = Number.parseInt(hex.slice(1), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

/** Adds one bookmark per entry to the document outline. */
function addOutline(doc: PDFDocument, pages: PDFPage[], entries: { title: string; page: number; y: number }[]) {
  if (entries.length === 0) return;
  const context = doc.context;
  const outlinesRef = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  entries.forEach((entry, index) => {
    const item: PDFDict = context.obj({});
    item.set(PDFName.of("Title"), PDFString.of(entry.title));
    item.set(PDFName.of("Parent"), outlinesRef);
    item.set(
      PDFName.of("Dest"),
      context.obj([
        pages[entry.page]!.ref,
        PDFName.of("XYZ"),
        PDFNumber.of(MARGIN.left),
        PDFNumber.of(Math.round(entry.y + 24)),
        PDFNumber.of(0),
      ]),
    );
    if (index > 0) item.set(PDFName.of("Prev"), refs[index - 1] as PDFRef);
    if (index < refs.length - 1) item.set(PDFName.of("Next"), refs[index + 1] as PDFRef);
    context.assign(refs[index]!, item);
  });
  const outlines = context.obj({ Type: "Outlines", First: refs[0]!, Last: refs.at(-1)!, Count: refs.length });
  context.assign(outlinesRef, outlines);
  doc.catalog.set(PDFName.of("Outlines"), outlinesRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

/**
 * The fonts arrive subset to Latin, Greek and Cyrillic already (scripts/build-fonts.ts), so they are embedded
 * whole: pdf-lib's own subsetting of a subset font loses glyphs. Ligatures stay off, so that text measures,
 * draws and copies out letter by letter ("fi" stays two letters).
 */
const NO_LIGATURES = { liga: false, clig: false, dlig: false };

/** Renders Markdown to a PDF document. */
export async function renderPdf(options: PdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(options.fonts.regular, { subset: false, customName: "DejaVuSans", features: NO_LIGATURES }),
    bold: await doc.embedFont(options.fonts.bold, { subset: false, customName: "DejaVuSans-Bold", features: NO_LIGATURES }),
  };
  const layout = new Layout(doc, fonts);
  const parts = typeof options.markdown === "string" ? [options.markdown] : options.markdown;
  for (const [index, part] of parts.entries()) {
    if (typeof part !== "string" && "pageBreak" in part) {
      layout.newPage();
      continue;
    }
    if (typeof part !== "string") {
      layout.chart(part);
      continue;
    }
    const blocks = blocksOf(part);
    // A heading just before a chart stays on the chart's page.
    const next = parts[index + 1];
    const keepWith = next !== undefined && typeof next !== "string" && !("pageBreak" in next) ? layout.chartHeight(next) : 0;
    for (const [position, block] of blocks.entries()) {
      if (block.kind === "heading") layout.heading(block, position === blocks.length - 1 ? keepWith : 0);
      else if (block.kind === "paragraph") layout.paragraph(block);
      else if (block.kind === "table") layout.table(block);
      else if (block.kind === "rule") layout.rule();
      else layout.space(block.height);
    }
  }

  const total = layout.pages.length;
  const small = 8;
  let logo: Awaited<ReturnType<PDFDocument["embedPng"]>> | undefined;
  if (options.logo) {
    const isPng = options.logo[0] === 0x89 && options.logo[1] === 0x50;
    logo = isPng ? await doc.embedPng(options.logo) : await doc.embedJpg(options.logo);
  }
  layout.pages.forEach((page, index) => {
    if (options.watermark) {
      const size = 96;
      const width = fonts.bold.widthOfTextAtSize(options.watermark, size);
      page.drawText(options.watermark, {
        x: A4.width / 2 - (width / 2) * Math.cos(Math.PI / 4),
        y: A4.height / 2 - (width / 2) * Math.sin(Math.PI / 4),
        size,
        font: fonts.bold,
        color: rgb(0.6, 0.6, 0.65),
        opacity: 0.18,
        rotate: degrees(45),
      });
    }
    page.drawText(options.header, { x: MARGIN.left, y: A4.height - 44, size: small, font: fonts.regular, color: MUTED });
    page.drawLine({
      start: { x: MARGIN.left, y: A4.height - 50 },
      end: { x: A4.width - MARGIN.right, y: A4.height - 50 },
      thickness: 0.5,
      color: RULE,
    });
    if (logo && index === 0) {
      const height = 28;
      const width = (logo.width / logo.height) * height;
      page.drawImage(logo, { x: A4.width - MARGIN.right - width, y: A4.height - 46, width, height });
    }
    const pageLabel = `Seite ${index + 1} von ${total}`;
    page.drawLine({ start: { x: MARGIN.left, y: 50 }, end: { x: A4.width - MARGIN.right, y: 50 }, thickness: 0.5, color: RULE });
    page.drawText(options.footer, { x: MARGIN.left, y: 38, size: small, font: fonts.regular, color: MUTED });
    if (options.link) page.drawText(options.link, { x: MARGIN.left, y: 27, size: small, font: fonts.regular, color: MUTED });
    page.drawText(pageLabel, {
      x: A4.width - MARGIN.right - fonts.regular.widthOfTextAtSize(pageLabel, small),
      y: 38,
      size: small,
      font: fonts.regular,
      color: MUTED,
    });
  });
  addOutline(doc, layout.pages, layout.outline);

  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setSubject(options.subject);
  doc.setAuthor(options.author);
  doc.setLanguage("de-DE");
  doc.setCreator("Gremium");
  doc.setProducer("Gremium (pdf-lib)");
  doc.setCreationDate(options.date);
  doc.setModificationDate(options.date);
  return doc.save({ useObjectStreams: false });
}
