/** The PDF row: Gremium's renderer and pdfmake, each in its own child process, one after the other. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./servers";

export interface PdfResult {
  medianMs: number;
  pages: number;
  sizeKiB: number;
  /** heapUsed after a render minus before the first, garbage included (no collection in between). */
  peakHeapGrowthMiB: number;
  peakRssGrowthMiB: number;
  /** What stays on the heap after all renders and a full collection: a leak would show here. */
  retainedGrowthMiB: number;
  /** The smallest V8 old space (of those tried) in which the whole process renders the document. */
  smallestHeapMiB: number | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function renderChild(engine: string, warmups: number, renders: number, nodeOptions: string[] = []) {
  const output = execFileSync(
    process.execPath,
    [...nodeOptions, "--expose-gc", "--import", "tsx", "bench/pdf/render-child.ts", engine, String(warmups), String(renders)],
    {
      cwd: root,
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "pipe"],
    },
  ).toString();
  return JSON.parse(output.trim().split("\n").at(-1)!) as {
    times: number[];
    peakHeapGrowth: number;
    peakRssGrowth: number;
    retainedGrowth: number;
    pdf: string;
  };
}

/**
 * The memory a render needs, measured rather than inferred from heap readings: the smallest old space
 * (of `caps`, in MiB) in which the process (modules, fonts and all) renders the document three times.
 */
function smallestHeap(engine: string, caps: readonly number[]): number | null {
  for (const cap of caps) {
    try {
      renderChild(engine, 1, 3, [`--max-old-space-size=${cap}`, "--max-semi-space-size=1"]);
      return cap;
    } catch {
      // out of memory at this cap: try the next
    }
  }
  return null;
}

export function pdfRun(engine: "gremium" | "pdfmake", warmups: number, renders: number, heapCaps: readonly number[]): PdfResult {
  const result = renderChild(engine, warmups, renders);
  const bytes = Buffer.from(result.pdf, "base64");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-bench-pdf-")), `${engine}.pdf`);
  writeFileSync(file, bytes);
  // The document must be a valid PDF that says what it should: checked by qpdf and pdftotext.
  execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
  const text = execFileSync("pdftotext", [file, "-"]).toString();
  for (const expected of ["Niederschrift", "Αθηνά Παπαδοπούλου", "Жанна Ковальчук", "Beschluss IA/2026/030"]) {
    if (!text.includes(expected)) throw new Error(`the ${engine} PDF lacks "${expected}"`);
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1]);
  if (!(pages >= 15)) throw new Error(`the ${engine} PDF has ${pages} pages; the workload needs 15 or more`);
  return {
    medianMs: median(result.times),
    pages,
    sizeKiB: bytes.byteLength / 1024,
    peakHeapGrowthMiB: result.peakHeapGrowth / 1048576,
    peakRssGrowthMiB: result.peakRssGrowth / 1048576,
    retainedGrowthMiB: result.retainedGrowth / 1048576,
    smallestHeapMiB: smallestHeap(engine, heapCaps),
  };
}
