import { readFile } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../generated/assets/static");

/** The portal's static files on Node: from src/generated/assets/static (made by scripts/build-assets.ts). */
export async function readStaticFile(relative: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const file = path.resolve(root, relative);
  if (!file.startsWith(`${root}${path.sep}`)) return null;
  return readFile(file).then(
    (bytes) => new Uint8Array(bytes),
    () => null,
  );
}
