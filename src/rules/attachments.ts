/** What may be attached to a paper: PDF, images and office documents, up to a size limit. */

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const ATTACHMENT_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/gif": "GIF",
  "image/webp": "WebP",
  "application/msword": "Word",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/vnd.ms-excel": "Excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "application/vnd.ms-powerpoint": "PowerPoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
  "application/vnd.oasis.opendocument.text": "OpenDocument Text",
  "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument Spreadsheet",
  "application/vnd.oasis.opendocument.presentation": "OpenDocument Presentation",
};

const SIGNATURES: Record<string, number[][]> = {
  "application/pdf": [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  "image/png": [[0x89, 0x50, 0x4e, 0x47]],
  "image/jpeg": [[0xff, 0xd8, 0xff]],
  "image/gif": [[0x47, 0x49, 0x46, 0x38]],
};

/** The media type without parameters, lower-cased. */
export const essenceOf = (contentType: string | undefined) => (contentType ?? "").split(";")[0]!.trim().toLowerCase();

/** Whether the first bytes match the declared type, where the type has a well-known signature. */
export function matchesSignature(contentType: string, bytes: Uint8Array): boolean {
  const signatures = SIGNATURES[contentType];
  return !signatures || signatures.some((signature) => signature.every((byte, index) => bytes[index] === byte));
}

/** A file name safe to store and to send back in Content-Disposition. */
export function cleanFilename(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a filename must not carry
    .replace(/[\\/\u0000-\u001f\u007f"]/g, "_")
    .trim()
    .slice(0, 200);
  return cleaned || "anhang";
}
