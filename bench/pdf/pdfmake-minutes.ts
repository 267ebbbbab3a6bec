/**
 * The PDF baseline: the same Markdown laid out by pdfmake (on pdfkit), a popular alternative, with the
 * same fonts and the same page furniture: A4 margins, header, footer with "Seite X von Y", a draft
 * marking, tables with a repeated header row, block quotes as shaded boxes, nested lists.
 */
import MarkdownIt from "markdown-it";
import { createRequire } from "node:module";
import path from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import { markdownOf, type PdfOptions } from "../../src/documents/pdf/render-pdf";

const require = createRequire(import.meta.url);
const pdfmake = require("pdfmake") as {
  addFonts(fonts: object): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
};
const fontDir = path.resolve(import.meta.dirname, "../../src/generated/assets/fonts");
const fontFile = (name: string) => path.join(fontDir, name);
pdfmake.addFonts({
  DejaVu: {
    normal: fontFile("DejaVuSans.ttf"),
    bold: fontFile("DejaVuSans-Bold.ttf"),
    italics: fontFile("DejaVuSans.ttf"),
    bolditalics: fontFile("DejaVuSans-Bold.ttf"),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => file.startsWith(fontDir));

const markdownIt = new MarkdownIt({ html: false });
type Content = Record<string, unknown> | string;

function inline(token: Token | undefined): Content[] {
  const runs: Content[] = [];
  let bold = false;
  let italics = false;
  for (const child of token?.children ?? []) {
    if (child.type === "strong_open" || child.type === "strong_close") bold = child.type === "strong_open";
    else if (child.type === "em_open" || child.type === "em_close") italics = child.type === "em_open";
    else if (child.type === "text" || child.type === "code_inline")
      runs.push({ text: child.content, ...(bold ? { bold } : {}), ...(italics ? { italics } : {}) });
    else if (child.type === "softbreak" || child.type === "hardbreak") runs.push({ text: "\n" });
  }
  return runs;
}

/** Markdown-it block tokens → pdfmake content, for the constructs the document templates use. */
function blocks(tokens: Token[], from: number, until: number): Content[] {
  const out: Content[] = [];
  const to = Math.min(until, tokens.length);
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    const closing = () => {
      let depth = 0;
      for (let j = i; j < to; j++) {
        depth += tokens[j]!.nesting;
        if (depth === 0) return j;
      }
      return to;
    };
    if (token.type === "heading_open") {
      out.push({ text: inline(tokens[i + 1]), style: token.tag, headlineLevel: 1 });
      i += 2;
    } else if (token.type === "paragraph_open") {
      out.push({ text: inline(tokens[i + 1]), margin: [0, 0, 0, 6] });
      i += 2;
    } else if (token.type === "bullet_list_open" || token.type === "ordered_list_open") {
      const end = closing();
      const items: Content[] = [];
      for (let j = i + 1; j < end; j++) {
        if (tokens[j]!.type !== "list_item_open") continue;
        let depth = 0;
        let k = j;
        for (; k < end; k++) {
          depth += tokens[k]!.nesting;
          if (depth === 0) break;
        }
        items.push({ stack: blocks(tokens, j + 1, k) });
        j = k;
      }
      out.push({ [token.type === "bullet_list_open" ? "ul" : "ol"]: items, margin: [0, 0, 0, 6] });
      i = end;
    } else if (token.type === "blockquote_open") {
      const end = closing();
      out.push({
        table: { widths: ["*"], body: [[{ stack: blocks(tokens, i + 1, end), fillColor: "#eff2f7", margin: [6, 4, 6, 0] }]] },
        layout: "noBorders",
        margin: [0, 0, 0, 8],
      });
      i = end;
    } else if (token.type === "table_open") {
      const end = closing();
      const rows: Content[][] = [];
      let header = 0;
      for (let j = i; j < end; j++) {
        if (tokens[j]!.type === "thead_open") header = 1;
        if (tokens[j]!.type === "tr_open") rows.push([]);
        if (tokens[j]!.type === "th_open" || tokens[j]!.type === "td_open")
          rows.at(-1)!.push({ text: inline(tokens[j + 1]), bold: tokens[j]!.type === "th_open" });
      }
      out.push({
        table: { headerRows: header, dontBreakRows: true, widths: rows[0]!.map(() => "auto"), body: rows },
        layout: "lightHorizontalLines",
        margin: [0, 0, 0, 8],
      });
      i = end;
    } else if (token.type === "hr") {
      out.push({ canvas: [{ type: "line", x1: 0, y1: 0, x2: 477, y2: 0, lineWidth: 0.5 }], margin: [0, 4, 0, 8] });
    }
  }
  return out;
}

/** The options of Gremium's renderer; pdfmake reads the fonts from the same files itself. */
export type PdfmakeOptions = Omit<PdfOptions, "fonts" | "logo">;

export async function renderWithPdfmake(options: PdfmakeOptions): Promise<Uint8Array> {
  const doc = {
    pageSize: "A4",
    pageMargins: [62, 78, 56, 72],
    info: {
      title: options.title,
      subject: options.subject,
      author: options.author,
      creator: "pdfmake",
      creationDate: options.date,
      modDate: options.date,
    },
    defaultStyle: { font: "DejaVu", fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 17, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 13.5, bold: true, margin: [0, 10, 0, 6] },
      h3: { fontSize: 11.5, bold: true },
    },
    header: { text: options.header, fontSize: 8, color: "#616169", margin: [62, 36, 56, 0] },
    footer: (page: number, pages: number) => ({
      columns: [options.footer, { text: `Seite ${page} von ${pages}`, alignment: "right" }],
      fontSize: 8,
      color: "#616169",
      margin: [62, 30, 56, 0],
    }),
    ...(options.watermark ? { watermark: { text: options.watermark, opacity: 0.18, bold: true } } : {}),
    content: blocks(markdownIt.parse(markdownOf(options.markdown), {}), 0, Number.MAX_SAFE_INTEGER),
    // Keep a heading with what follows it, as Gremium's layout does.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.9,
  };
  return new Uint8Array(await pdfmake.createPdf(doc).getBuffer());
}
