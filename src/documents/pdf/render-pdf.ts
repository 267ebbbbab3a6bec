/**
 * Lays Markdown out onto A4 pages with pdf-lib: headings, paragraphs with bold and italic, nested lists,
 * tables with wrapped cells and repeated header rows, boxes (block quotes), page header and footer with
 * "Seite X von Y", bookmarks and metadata. Bytes and strings in, bytes out; the same input gives the same
 * bytes (no clock, no randomness).
 */
import fontkit from "@pdf-lib/fontkit";
import MarkdownIt from "markdown-it";
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, degrees, drawText, rgb, type PDFDict, type PDFFont, type PDFPage, type PDFRef } from "pdf-lib";

/**
 * Two faces: italics are the regular face slanted by `SLANT`, which is how DejaVu Sans Oblique itself is
 * made; one face less keeps every PDF and the Worker bundle about 100 KiB smaller.
 */
export interface FontSet {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface PdfOptions {
  markdown: string;
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
  /** A diagonal marking on every page, e.g. "ENTWURF". */
  watermark?: string;
  /** Optional logo (PNG or JPEG) at the top right of the first page. */
  logo?: Uint8Array;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 62, right: 56, top: 78, bottom: 72 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10.5;
const LEADING = 1.38;
const HEADING_SIZES = [0, 17, 13.5, 11.5, 10.5, 10.5, 10.5];
const BOX_PADDING = 8;
const CELL_PADDING = 4;
const TEXT_COLOR = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.72, 0.72, 0.76);
const BOX_FILL = rgb(0.94, 0.95, 0.97);
const BOX_BAR = rgb(0.16, 0.33, 0.55);

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

type Block =
  | { kind: "heading"; level: number; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; indent: number; bullet?: string; boxed: boolean }
  | { kind: "table"; header: Run[][]; rows: Run[][][]; boxed: boolean }
  | { kind: "rule" }
  | { kind: "space"; height: number };

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const SLANT = degrees(12);

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

type Token = ReturnType<typeof markdown.parse>[number];

/** Inline tokens to styled runs. Links keep their text; images and HTML are dropped. */
function runsOf(inline: Token | undefined): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  for (const child of inline?.children ?? []) {
    if (child.type === "strong_open") bold++;
    else if (child.type === "strong_close") bold--;
    else if (child.type === "em_open") italic++;
    else if (child.type === "em_close") italic--;
    else if (child.type === "text" || child.type === "code_inline") runs.push({ text: child.content, bold: bold > 0, italic: italic > 0 });
    else if (child.type === "softbreak" || child.type === "hardbreak") runs.push({ text: child.type === "hardbreak" ? "\n" : " ", bold: bold > 0, italic: italic > 0 });
  }
  return runs;
}

/** markdown-it's token stream as a flat list of blocks to lay out. */
function blocksOf(source: string): Block[] {
  const tokens = markdown.parse(source, {});
  const blocks: Block[] = [];
  const lists: { ordered: boolean; counter: number }[] = [];
  let boxed = 0;
  let pendingBullet: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case "heading_open":
        blocks.push({ kind: "heading", level: Number(token.tag.slice(1)), runs: runsOf(tokens[i + 1]) });
        break;
      case "paragraph_open":
        blocks.push({ kind: "paragraph", runs: runsOf(tokens[i + 1]), indent: lists.length * 16 + (boxed ? BOX_PADDING + 4 : 0), bullet: pendingBullet, boxed: boxed > 0 });
        pendingBullet = undefined;
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({ ordered: token.type === "ordered_list_open", counter: Number(token.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        if (lists.length === 0) blocks.push({ kind: "space", height: 3 });
        break;
      case "list_item_open": {
        const list = lists.at(-1)!;
        pendingBullet = list.ordered ? `${list.counter++}.` : lists.length % 2 ? "•" : "–";
        break;
      }
      case "blockquote_open":
        boxed++;
        break;
      case "blockquote_close":
        boxed--;
        break;
      case "hr":
        blocks.push({ kind: "rule" });
        break;
      case "table_open": {
        const header: Run[][] = [];
        const rows: Run[][][] = [];
        let row: Run[][] | null = null;
        let inHead = false;
        for (i++; i < tokens.length && tokens[i]!.type !== "table_close"; i++) {
          const t = tokens[i]!;
          if (t.type === "thead_open") inHead = true;
          else if (t.type === "thead_close") inHead = false;
          else if (t.type === "tr_open") row = [];
          else if (t.type === "tr_close" && row) {
            if (inHead) header.push(...row);
            else rows.push(row);
            row = null;
          } else if ((t.type === "th_open" || t.type === "td_open") && row) row.push(runsOf(tokens[i + 1]));
        }
        blocks.push({ kind: "table", header, rows, boxed: boxed > 0 });
        break;
      }
    }
  }
  return blocks;
}

/** A run of one font on one line: its words and spaces, and their width. */
interface Segment {
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
class Typesetter {
  private readonly words = new Map<PDFFont, Map<string, { width: number; hex: string }>>();
  private readonly fontKeys = new Map<PDFPage, Map<PDFFont, PDFName>>();

  private shape(font: PDFFont, text: string) {
    let cache = this.words.get(font);
    if (!cache) this.words.set(font, (cache = new Map()));
    let shaped = cache.get(text);
    if (!shaped) cache.set(text, (shaped = { width: font.widthOfTextAtSize(text, 1), hex: font.encodeText(text).asString() }));
    return shaped;
  }

  /** The width of a word (or any text without line breaks) at a size. */
  width(font: PDFFont, text: string, size: number) {
    return this.shape(font, text).width * size;
  }

  draw(page: PDFPage, segment: Segment, x: number, y: number, size: number) {
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(segment.font);
    if (!key) keys.set(segment.font, (key = page.node.newFontDictionary(segment.font.name, segment.font.ref)));
    const hex = segment.pieces.map((piece) => this.shape(segment.font, piece).hex).join("");
    const ySkew = segment.slanted ? SLANT : degrees(0);
    page.pushOperators(...drawText(PDFHexString.of(hex), { x, y, size, font: key, color: TEXT_COLOR, rotate: degrees(0), xSkew: degrees(0), ySkew }));
  }
}

const fontOf = (fonts: Fonts, run: Run) => (run.bold ? fonts.bold : fonts.regular);

/** Breaks styled runs into lines that fit the width, at spaces; a word longer than a line is split. */
function wrap(runs: Run[], fonts: Fonts, typesetter: Typesetter, size: number, width: number): Segment[][] {
  const lines: Segment[][] = [[]];
  let lineWidth = 0;
  const measure = (font: PDFFont, text: string) => typesetter.width(font, text, size);
  const push = (text: string, font: PDFFont, slanted: boolean) => {
    const line = lines.at(-1)!;
    const last = line.at(-1);
    const pieceWidth = measure(font, text);
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
    const font = fontOf(fonts, run);
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
      let word = piece;
      while (measure(font, word) > width) {
        let cut = word.length - 1;
        while (cut > 1 && measure(font, word.slice(0, cut)) > width) cut--;
        if (lineWidth > 0) newLine();
        push(word.slice(0, cut), font, run.italic);
        newLine();
        word = word.slice(cut);
      }
      if (lineWidth > 0 && lineWidth + measure(font, word) > width) newLine();
      push(word, font, run.italic);
    }
  }
  trimLine();
  return lines.filter((line, index) => line.length > 0 || index < lines.length - 1);
}

class Layout {
  readonly pages: PDFPage[] = [];
  readonly outline: { title: string; page: number; y: number }[] = [];
  private page!: PDFPage;
  private y = 0;

  private readonly typesetter = new Typesetter();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage() {
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

  heading(block: Extract<Block, { kind: "heading" }>) {
    const size = HEADING_SIZES[block.level] ?? BODY_SIZE;
    const runs = block.runs.map((r) => ({ ...r, bold: true }));
    const lines = wrap(runs, this.fonts, this.typesetter, size, CONTENT_WIDTH);
    // Keep the heading with at least three lines of what follows.
    this.ensure(size * 0.9 + lines.length * size * LEADING + 3 * BODY_SIZE * LEADING);
    if (this.y < A4.height - MARGIN.top) this.y -= size * 0.9;
    if (block.level <= 2) this.outline.push({ title: block.runs.map((r) => r.text).join(""), page: this.pages.length - 1, y: this.y });
    this.drawLines(lines, MARGIN.left, size);
    if (block.level === 1) {
      this.y -= 4;
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: A4.width - MARGIN.right, y: this.y }, thickness: 0.8, color: BOX_BAR });
    }
    this.y -= size * 0.35;
  }

  paragraph(block: Extract<Block, { kind: "paragraph" }>) {
    const bulletWidth = block.bullet ? 14 : 0;
    const x = MARGIN.left + block.indent + bulletWidth;
    const width = CONTENT_WIDTH - block.indent - bulletWidth - (block.boxed ? BOX_PADDING : 0);
    const lines = wrap(block.runs, this.fonts, this.typesetter, BODY_SIZE, width);
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
      this.page.drawText(block.bullet, { x: x - bulletWidth, y: this.y - lineHeight + BODY_SIZE * 0.28, size: BODY_SIZE, font: this.fonts.regular, color: TEXT_COLOR });
    }
    // Avoid a single line left at the bottom of a page (an orphan).
    if (lines.length > 1) this.ensure(2 * lineHeight);
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
    const font = (run: Run, bold: boolean) => fontOf(this.fonts, { ...run, bold: bold || run.bold });
    const measure = (cell: Run[] | undefined, bold: boolean) => (cell ?? []).reduce((sum, run) => sum + this.typesetter.width(font(run, bold), run.text, size), 0);
    const longestWord = (cell: Run[] | undefined, bold: boolean) =>
      Math.max(0, ...(cell ?? []).flatMap((run) => run.text.split(/\s+/).map((word) => this.typesetter.width(font(run, bold), word, size))));
    const natural = Array.from({ length: columns }, (_, c) =>
      Math.max(24, measure(block.header[c], true), ...block.rows.map((row) => measure(row[c], false))) + 2 * CELL_PADDING,
    );
    const minimum = Array.from({ length: columns }, (_, c) =>
      Math.max(24, longestWord(block.header[c], true), ...block.rows.map((row) => longestWord(row[c], false))) + 2 * CELL_PADDING,
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
      const wrapped = columnWidths.map((w, c) => wrap((cells[c] ?? []).map((r) => ({ ...r, bold: bold || r.bold })), this.fonts, this.typesetter, size, w - 2 * CELL_PADDING));
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
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: A4.width - MARGIN.right, y: this.y }, thickness: 0.5, color: RULE });
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

  rule() {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: A4.width - MARGIN.right, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 6;
  }

  space(height: number) {
    this.y -= height;
  }
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
    item.set(PDFName.of("Dest"), context.obj([pages[entry.page]!.ref, PDFName.of("XYZ"), PDFNumber.of(MARGIN.left), PDFNumber.of(Math.round(entry.y + 24)), PDFNumber.of(0)]));
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
  for (const block of blocksOf(options.markdown)) {
    if (block.kind === "heading") layout.heading(block);
    else if (block.kind === "paragraph") layout.paragraph(block);
    else if (block.kind === "table") layout.table(block);
    else if (block.kind === "rule") layout.rule();
    else layout.space(block.height);
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
      page.drawText(options.watermark, { x: A4.width / 2 - (width / 2) * Math.cos(Math.PI / 4), y: A4.height / 2 - (width / 2) * Math.sin(Math.PI / 4), size, font: fonts.bold, color: rgb(0.6, 0.6, 0.65), opacity: 0.18, rotate: degrees(45) });
    }
    page.drawText(options.header, { x: MARGIN.left, y: A4.height - 44, size: small, font: fonts.regular, color: MUTED });
    page.drawLine({ start: { x: MARGIN.left, y: A4.height - 50 }, end: { x: A4.width - MARGIN.right, y: A4.height - 50 }, thickness: 0.5, color: RULE });
    if (logo && index === 0) {
      const height = 28;
      const width = (logo.width / logo.height) * height;
      page.drawImage(logo, { x: A4.width - MARGIN.right - width, y: A4.height - 46, width, height });
    }
    const pageLabel = `Seite ${index + 1} von ${total}`;
    page.drawLine({ start: { x: MARGIN.left, y: 50 }, end: { x: A4.width - MARGIN.right, y: 50 }, thickness: 0.5, color: RULE });
    page.drawText(options.footer, { x: MARGIN.left, y: 38, size: small, font: fonts.regular, color: MUTED });
    page.drawText(pageLabel, { x: A4.width - MARGIN.right - fonts.regular.widthOfTextAtSize(pageLabel, small), y: 38, size: small, font: fonts.regular, color: MUTED });
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
