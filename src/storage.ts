/** Bytes backed by a plain ArrayBuffer, as Web Crypto and the runtimes' stores take them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Where attachment bytes live: the filesystem on Node, an R2 bucket on Workers. */
export interface AttachmentStore {
  put(key: string, bytes: Bytes, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Bytes | null>;
}
