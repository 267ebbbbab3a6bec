import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/documents/markdown";

describe("renderMarkdown", () => {
  it("answers a text it rendered before exactly as the first time, also after thousands of others", () => {
    const texts = Array.from({ length: 2_500 }, (_, i) => `**Punkt ${i}**: <script>alert(${i})</script> [Link](javascript:x${i})`);
    const first = texts.map((text) => renderMarkdown(text));
    expect(first[7]).toBe("<p><strong>Punkt 7</strong>: &lt;script&gt;alert(7)&lt;/script&gt; [Link](javascript:x7)</p>\n");
    // Again in reverse order: the newest come from the memo, the oldest have left it and are rendered anew.
    for (let i = texts.length - 1; i >= 0; i--) expect(renderMarkdown(texts[i]!)).toBe(first[i]);
  });

  it("keeps line breaks only when asked, whatever was rendered before", () => {
    expect(renderMarkdown("a\nb")).toBe("<p>a\nb</p>\n");
    expect(renderMarkdown("a\nb", { lineBreaks: true })).toBe("<p>a<br>\nb</p>\n");
    expect(renderMarkdown("a\nb")).toBe("<p>a\nb</p>\n");
    expect(renderMarkdown(null)).toBeNull();
  });
});
