/**
 * One side of the PDF row, in its own process so that heap figures belong to one renderer:
 *   tsx bench/pdf/render-child.ts gremium|pdfmake <warm-ups> <renders>
 * Prints one JSON line: the render times, the heap growth (without collecting garbage between renders, and
 * what stays after a final collection) and the bytes of the last PDF (base64).
 */
import { renderPdf } from "../../src/documents/pdf/render-pdf";
import { pdfOptions } from "./minutes-content";
import { renderWithPdfmake } from "./pdfmake-minutes";

const [engine, warmups, renders] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const render = engine === "gremium" ? () => renderPdf(pdfOptions) : engine === "pdfmake" ? () => renderWithPdfmake(pdfOptions) : undefined;
if (!render) throw new Error(`unknown engine ${engine}`);

for (let i = 0; i < warmups; i++) await render();
globalThis.gc?.();
const baseHeap = process.memoryUsage().heapUsed;
const baseRss = process.memoryUsage().rss;
let peakHeap = 0;
let peakRss = 0;
const times: number[] = [];
let bytes: Uint8Array = new Uint8Array();
for (let i = 0; i < renders; i++) {
  const start = performance.now();
  bytes = await render();
  times.push(performance.now() - start);
  const memory = process.memoryUsage();
  peakHeap = Math.max(peakHeap, memory.heapUsed - baseHeap);
  peakRss = Math.max(peakRss, memory.rss - baseRss);
}
globalThis.gc?.();
const retainedGrowth = process.memoryUsage().heapUsed - baseHeap;
console.log(
  JSON.stringify({
    engine,
    times,
    peakHeapGrowth: peakHeap,
    peakRssGrowth: peakRss,
    retainedGrowth,
    pdf: Buffer.from(bytes).toString("base64"),
  }),
);
