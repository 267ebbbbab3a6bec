/**
 * What a reader typed into the search box, read as they meant it. Pure functions: no database, no HTTP.
 *
 * - A paper or resolution number, with or without its prefix ("Vorlage 2025/001", "2025/001", "Beschluss 12/2025",
 *   "IA/2026/003"), names one record, which comes first.
 * - Quoted phrases, OR, AND, NOT, parentheses and prefix* keep their meaning where they make sense; a stray quote,
 *   bracket or operator is dropped instead of failing the search.
 * - Every other word becomes a quoted phrase with prefix matching: FTS5 splits it as it split the indexed text, so
 *   that "2026/004", "E-Mail", "Sprach-Kita" and "25.000" match as written, "Kita" finds "Kitas". Punctuation that
 *   names nothing ("€", "–") is dropped.
 */

export interface RecordNumber {
  year: number;
  serial: number;
  /** Named by its prefix: "Vorlage" a paper, "Beschluss" or a committee's short name a resolution. */
  kind?: "paper" | "resolution";
  /** The committee's short name, as in "IA/2026/003". */
  committee?: string;
}

export interface SearchExpressions {
  number?: RecordNumber;
  /** The FTS5 expression that every hit must match: all words. Undefined when nothing searchable is left. */
  all?: string;
  /** Any of the words, for records that match most but not all of them; only for two or more plain words. */
  some?: string;
}

const OPERATORS = new Set(["OR", "AND", "NOT"]);
const NUMBER = /^(?:(vorlage|drucksache|beschluss)(?:\s*nr\.?)?\s*)?(?:([\p{L}][\p{L}\d-]{0,15})\s*\/\s*)?(\d{1,4})\s*\/\s*(\d{1,4})$/iu;

/** A paper or resolution number, when the whole query is one. */
export function recordNumberOf(query: string): RecordNumber | undefined {
  const match = NUMBER.exec(query.trim());
  if (!match) return undefined;
  const [, word, committee, first = "", second = ""] = match;
  const isYear = (digits: string) => digits.length === 4 && Number(digits) >= 1900 && Number(digits) < 3000;
  const [year, serial] = isYear(first) ? [first, second] : isYear(second) ? [second, first] : [];
  if (!year || !serial || Number(serial) === 0) return undefined;
  const named = word?.toLowerCase();
  const kind = named === "beschluss" || committee ? "resolution" : named ? "paper" : undefined;
  return { year: Number(year), serial: Number(serial), ...(kind ? { kind } : {}), ...(committee ? { committee } : {}) };
}

/** The number as the index holds it: "2025/012", after the committee's short name for a resolution. */
export function numberText(number: RecordNumber): string {
  return `${number.committee ? `${number.committee}/` : ""}${number.year}/${String(number.serial).padStart(3, "0")}`;
}

type Part = { term: string } | { op: string } | { open: true } | { close: true };

/** The query's parts, with unbalanced quotes and brackets and misplaced operators left out. */
function partsOf(query: string): Part[] {
  // An odd number of quotes: the last one is stray.
  const quotes = query.split('"').length - 1;
  const text = quotes % 2 === 1 ? `${query.slice(0, query.lastIndexOf('"'))} ${query.slice(query.lastIndexOf('"') + 1)}` : query;
  const raw: Part[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\()|(\))|([^\s()"]+)/g)) {
    const [, phrase, open, close, word] = match;
    if (phrase !== undefined) {
      if (/[\p{L}\p{N}]/u.test(phrase)) raw.push({ term: `"${phrase}"` });
    } else if (open) raw.push({ open: true });
    else if (close) raw.push({ close: true });
    else if (OPERATORS.has(word!)) raw.push({ op: word! });
    else if (/[\p{L}\p{N}]/u.test(word!)) raw.push({ term: `"${word!.replace(/\*+$/, "")}"*` });
  }
  return withValidOperators(withBalancedBrackets(raw));
}

/** Brackets only when they pair up and enclose a term; otherwise none at all. */
function withBalancedBrackets(parts: Part[]): Part[] {
  let depth = 0;
  let balanced = true;
  parts.forEach((part, i) => {
    if ("open" in part) depth++;
    if ("close" in part) {
      depth--;
      if (depth < 0 || "open" in (parts[i - 1] ?? {})) balanced = false;
    }
  });
  return balanced && depth === 0 ? parts : parts.filter((part) => "term" in part || "op" in part);
}

/** An operator stands between two operands; anywhere else it is dropped. */
function withValidOperators(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const [i, part] of parts.entries()) {
    if ("op" in part) {
      const before = out.at(-1);
      const after = parts[i + 1];
      const operandBefore = before && ("term" in before || "close" in before);
      const operandAfter = after && ("term" in after || "open" in after);
      if (!operandBefore || !operandAfter) continue;
    }
    out.push(part);
  }
  return out;
}

const joined = (parts: Part[]) =>
  parts
    .map((part) => ("term" in part ? part.term : "op" in part ? part.op : "open" in part ? "(" : ")"))
    .join(" ")
    .replaceAll("( ", "(")
    .replaceAll(" )", ")");

/** The FTS5 expressions for a query. */
export function searchExpressions(query: string): SearchExpressions {
  const number = recordNumberOf(query);
  // A number's other hits are the texts that mention it, as typed: with the committee's short name where it was
  // typed, and in the body only (a title is a record's own number: another committee's 2025/003 is no mention).
  const parts = partsOf(number ? numberText(number) : query);
  if (!parts.some((part) => "term" in part)) return number ? { number } : {};
  if (number) return { number, all: `body : ${joined(parts)}` };
  const terms = parts.filter((part): part is { term: string } => "term" in part);
  const plain = terms.length === parts.length;
  return {
    ...(number ? { number } : {}),
    all: joined(parts),
    ...(plain && terms.length > 1 ? { some: terms.map((part) => part.term).join(" OR ") } : {}),
  };
}

/** The words of a query alone, without operators or brackets: the search a malformed expression falls back to. */
export function plainExpression(query: string): string | undefined {
  const terms = partsOf(query.replace(/[()]/g, " ")).filter((part): part is { term: string } => "term" in part);
  return terms.length > 0 ? terms.map((part) => part.term).join(" ") : undefined;
}
