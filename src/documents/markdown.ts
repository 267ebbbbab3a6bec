import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(https?:|mailto:|tel:|#|\/(?!\/))/i;

/** An image of this service (a path on the same site); any other would be loaded from elsewhere by every reader. */
const LOCAL_IMAGE = /^\/(?!\/)/;

/** A Markdown renderer that escapes raw HTML, allows only safe link schemes and loads no image from elsewhere. */
function safeMarkdown(options: { breaks: boolean }) {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: options.breaks });
  // markdown-it already refuses javascript:, vbscript:, file: and most data: URLs; allow only known-safe schemes.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  const renderImage = md.renderer.rules.image!;
  // An image from another host becomes a link to it, named by its description: a reader who follows it chooses to,
  // and no client of the API loads it unasked (which would tell that host who reads what, and when).
  md.renderer.rules.image = (tokens, index, renderOptions, env, self) => {
    const token = tokens[index]!;
    const src = token.attrGet("src") ?? "";
    if (LOCAL_IMAGE.test(src)) return renderImage(tokens, index, renderOptions, env, self);
    const text = md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], renderOptions, env) || src);
    // Inside a link, the image's description stands as text: a link may not hold another.
    let depth = 0;
    for (let i = 0; i < index; i++) depth += tokens[i]!.type === "link_open" ? 1 : tokens[i]!.type === "link_close" ? -1 : 0;
    return depth > 0 ? text : `<a href="${md.utils.escapeHtml(src)}">${text}</a>`;
  };
  return md;
}

const markdown = safeMarkdown({ breaks: false });
/** For mails, where a line break in the text is one in the HTML too (a greeting and a name beneath it). */
const lineMarkdown = safeMarkdown({ breaks: true });

/**
 * Renders user Markdown to HTML: raw HTML is escaped, and links may only use safe schemes. With `lineBreaks`, every
 * line break is kept (as in a mail's plain text).
 */
export function renderMarkdown(source: string | null, options: { lineBreaks?: boolean } = {}): string | null {
  if (source === null) return null;
  if (options.lineBreaks) return lineMarkdown.render(source);
  if (source.length > MEMO_LENGTH) return markdown.render(source);
  let rendered = memo.get(source);
  if (rendered === undefined) {
    rendered = markdown.render(source);
    if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  } else {
    memo.delete(source);
  }
  memo.set(source, rendered);
  return rendered;
}

/**
 * The HTML of the texts rendered last, least recently used first: a meeting's agenda renders the same descriptions
 * for every reader (markdown-it took a fifth of a meeting read's time). Rendering is a pure function of the text,
 * so a hit is what a render would give. Bounded: at most MEMO_ENTRIES texts of at most MEMO_LENGTH characters each.
 */
const memo = new Map<string, string>();
const MEMO_ENTRIES = 2000;
const MEMO_LENGTH = 4000;

/** The text of Markdown without its markup: one line per paragraph, heading, list item or table row. */
export function markdownToText(source: string): string {
  const lines: string[] = [];
  let line = "";
  for (const token of markdown.parse(source, {})) {
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") line += child.content;
        else if (child.type === "softbreak" || child.type === "hardbreak") line += " ";
      }
    } else if (token.type === "th_close" || token.type === "td_close") {
      line += "\t";
    } else if (token.nesting === -1 && ["paragraph_close", "heading_close", "tr_close"].includes(token.type)) {
      lines.push(line.trimEnd());
      line = "";
    } else if (token.type === "code_block" || token.type === "fence") {
      lines.push(token.content.trimEnd());
    }
  }
  return lines
    .filter((text, index) => text !== "" || lines[index - 1] !== "")
    .join("\n")
    .trim();
}
