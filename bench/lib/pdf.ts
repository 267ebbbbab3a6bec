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
  peakHeapGrowthMiB: number;
  peakRssGrowthMiB: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export function pdfRun(engine: "gremium" | "pdfmake", warmups: number, renders: number): PdfResult {
  const output = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/pdf/render-child.ts", engine, String(warmups), String(renders)], {
    cwd: root,
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  }).toString();
  const result = JSON.parse(output.trim().split("\n").at(-1)!) as { times: number[]; peakHeapGrowth: number; peakRssGrowth: number; pdf: string };
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
  };
}
