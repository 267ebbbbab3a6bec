import Mustache from "mustache";

/** The PDF documents' templates, then the mails' (each a subject line, then Markdown); a body can override each. */
export const MAIL_TEMPLATE_NAMES = [
  "mail-invitation",
  "mail-amendment",
  "mail-cancellation",
  "mail-minutes-circulated",
  "mail-signature-request",
  "mail-set-password",
  "mail-reset-password",
  "mail-written-procedure",
] as const;
export type MailTemplateName = (typeof MAIL_TEMPLATE_NAMES)[number];
export const TEMPLATE_NAMES = ["invitation", "minutes", "resolution-extract", "progress-report", "paper", ...MAIL_TEMPLATE_NAMES] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type Templates = Record<TemplateName, string>;

/** Escapes a value for Markdown, so that names and titles never turn into formatting or break a table. */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? "")
    .replace(/\r?\n/g, " ")
    .replace(/([\\`*_[\]{}()#+!|<>~])/g, "\\$1")
    .replace(/^(\s*)([-=])/, "$1\\$2")
    .replace(/^(\s*)(\d+)\./, "$1$2\\.");
}

/** Quotes Markdown as a box (a block quote), with a bold lead-in on its first line. */
export function box(lead: string | null, markdown: string): string {
  const lines = markdown.trim().split(/\r?\n/);
  const first = lead ? `**${escapeMarkdown(lead)}** ${lines[0] ?? ""}` : (lines[0] ?? "");
  return [first, ...lines.slice(1)].map((line) => `> ${line}`).join("\n");
}

/**
 * Renders a logic-less template to Markdown. `{{value}}` is escaped for Markdown; `{{{value}}}` inserts
 * Markdown as it is (only for fields that are Markdown already).
 */
export function renderTemplate(template: string, view: object): string {
  return Mustache.render(template, view, {}, { escape: escapeMarkdown });
}
