/**
 * Renders a mail template: its first line is the subject ("Betreff: …"), the rest the body in Markdown. The plain
 * text is the body as written, with the values inserted as they are; the HTML is the same body rendered as Markdown,
 * with the values escaped for Markdown and raw HTML escaped, so that nothing a person typed becomes markup.
 */
import Mustache from "mustache";
import { renderMarkdown } from "../documents/markdown";
import { escapeMarkdown } from "../documents/templates";
import { headerValue } from "./message";

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const SUBJECT = /^Betreff:[ \t]*(.*)\r?\n(?:[ \t]*\r?\n)?/;

export function composeMail(template: string, view: object): ComposedMail {
  const match = SUBJECT.exec(template);
  const subjectTemplate = match?.[1] ?? "";
  const bodyTemplate = match ? template.slice(match[0].length) : template;
  const plain = (source: string) => Mustache.render(source, view, {}, { escape: (value) => String(value ?? "") });
  const body = Mustache.render(bodyTemplate, view, {}, { escape: escapeMarkdown });
  return {
    subject: headerValue(plain(subjectTemplate)).slice(0, 250),
    text: `${plain(bodyTemplate).trim()}\n`,
    html:
      '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"></head>' +
      `<body style="font-family:sans-serif;line-height:1.5;max-width:40em">${renderMarkdown(body, { lineBreaks: true })}</body></html>`,
  };
}
