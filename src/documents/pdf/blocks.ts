/** Markdown (markdown-it tokens) as a flat list of blocks for the layout: headings, paragraphs, list items, tables. */
import MarkdownIt from "markdown-it";
import { BOX_PADDING } from "./style";

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type Block =
  | { kind: "heading"; level: number; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; indent: number; bullet?: string; boxed: boolean }
  | { kind: "table"; header: Run[][]; rows: Run[][][]; boxed: boolean }
  | { kind: "rule" }
  | { kind: "space"; height: number };

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
    else if (child.type === "softbreak" || child.type === "hardbreak")
      runs.push({ text: child.type === "hardbreak" ? "\n" : " ", bold: bold > 0, italic: italic > 0 });
  }
  return runs;
}

/** markdown-it's token stream as a flat list of blocks to lay out. */
export function blocksOf(source: string): Block[] {
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
        blocks.push({
          kind: "paragraph",
          runs: runsOf(tokens[i + 1]),
          indent: lists.length * 16 + (boxed ? BOX_PADDING + 4 : 0),
          bullet: pendingBullet,
          boxed: boxed > 0,
        });
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
