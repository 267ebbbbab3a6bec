/**
 * Stands in for `@pdf-lib/standard-fonts` in the Worker bundle (wrangler.toml `[alias]`). Gremium embeds its own
 * fonts and never one of the 14 standard PDF fonts, whose metrics and encodings are about 100 KiB (gzip) of the
 * Worker bundle and are decompressed on every cold start. pdf-lib needs the names of the standard fonts when it
 * loads; anything that would use one fails loudly. `test/worker-standard-fonts.test.ts` keeps the names in step.
 */
export enum FontNames {
  Courier = "Courier",
  CourierBold = "Courier-Bold",
  CourierOblique = "Courier-Oblique",
  CourierBoldOblique = "Courier-BoldOblique",
  Helvetica = "Helvetica",
  HelveticaBold = "Helvetica-Bold",
  HelveticaOblique = "Helvetica-Oblique",
  HelveticaBoldOblique = "Helvetica-BoldOblique",
  TimesRoman = "Times-Roman",
  TimesRomanBold = "Times-Bold",
  TimesRomanItalic = "Times-Italic",
  TimesRomanBoldItalic = "Times-BoldItalic",
  Symbol = "Symbol",
  ZapfDingbats = "ZapfDingbats",
}

const unavailable = (what: string): never => {
  throw new Error(`${what}: the standard PDF fonts are not part of the Worker bundle; embed a font file instead.`);
};

export const Font = { load: (name: string) => unavailable(`Font.load(${name})`) };

export const Encodings = new Proxy({} as Record<"Symbol" | "ZapfDingbats" | "WinAnsi", never>, {
  get: (_target, name) => unavailable(`Encodings.${String(name)}`),
});
