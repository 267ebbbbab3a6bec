import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const cli = (databaseUrl: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "src/entry/cli.ts", "token", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });

describe("npm run token", () => {
  it("names the database it opens and refuses to create an empty one unless asked to", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gremium-cli-"));
    const file = path.join(dir, "gremium.db");
    const refused = cli(`file:${file}`, "--role", "admin", "--name", "Automation");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`No database at ${file}`);
    expect(existsSync(file)).toBe(false);

    const created = cli(`file:${file}`, "--role", "admin", "--name", "Automation", "--create");
    expect(created.status, created.stderr).toBe(0);
    const migrations = readdirSync(path.join(root, "prisma/migrations")).filter((name) => /^\d{14}_/.test(name)).length;
    expect(created.stderr).toContain(`Database ${file}: ${migrations} migration(s) applied.`);
    expect(created.stdout).toMatch(/grm_[A-Za-z0-9_-]{43}/);
    expect(created.stderr + created.stdout).not.toMatch(/warn|deprecat/i);

    const again = cli(`file:${file}`, "--role", "admin", "--name", "Zweites");
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(`Database ${file}: up to date.`);
  }, 60_000);
});
