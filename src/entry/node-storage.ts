import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AttachmentStore } from "../storage";

/** Attachments as files below a folder; keys are generated ids, never user input. */
export function createFileAttachmentStore(folder: string): AttachmentStore {
  const fileOf = (key: string) => {
    if (!/^[A-Za-z0-9/_-]+$/.test(key) || key.includes("..")) throw new Error(`invalid storage key ${key}`);
    return path.join(folder, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}
