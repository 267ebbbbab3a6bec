/**
 * Writes the common and leaked passwords that are long enough to pass Gremium's minimum of 12 characters, from the
 * list of @zxcvbn-ts/language-common (ranked passwords of public leaks), to src/generated/common-passwords.json. Runs
 * after install; generated, not kept in git. Only about 300 of its 49,000 entries are that long, so the list costs the
 * Worker bundle a few KB.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import decompress from "@zxcvbn-ts/dictionary-compression/decompress";

const require = createRequire(import.meta.url);
const source = readFileSync(
  path.join(path.dirname(require.resolve("@zxcvbn-ts/language-common/package.json")), "dist/passwords.json.mjs"),
  "utf8",
);
const packed = /decompress\("((?:[^"\\]|\\.)*)"\)/.exec(source)?.[1];
if (!packed) throw new Error("@zxcvbn-ts/language-common: the password list has another form than expected");
const all = decompress(JSON.parse(`"${packed}"`) as string);
const long = all.filter((password) => [...password].length >= 12).map((password) => password.toLowerCase());
const target = path.resolve(import.meta.dirname, "../src/generated/common-passwords.json");
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(long));
console.log(`Wrote ${long.length} common passwords of 12 or more characters (of ${all.length}) to src/generated/common-passwords.json`);
