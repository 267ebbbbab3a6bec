import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(https?:|mailto:|tel:|#|\/(?!\/))/i;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
// markdown-it already refuses javascript:, vbscript:, file: and most data: URLs; allow only known-safe schemes.
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

/** Renders user Markdown to HTML: raw HTML is escaped, and links may only use safe schemes. */
export function renderMarkdown(source: string | null): string | null {
  return source === null ? null : markdown.render(source);
}
