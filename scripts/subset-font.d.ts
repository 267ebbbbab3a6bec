// subset-font ships no types; this is the part of its API the font build uses.
declare module "subset-font" {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "truetype" | "woff" | "woff2" | "sfnt"; keepFeatures?: string[] },
  ): Promise<Uint8Array>;
}
