/**
 * The browser tests' kit: Debian's Chromium through playwright-core, axe with the WCAG 2.1 AA tags, the 320 px check,
 * screenshots, and a signed-in page for each role (the account is set up as the admin would; the password is set and
 * the sign-in done through the pages, as a person would).
 */
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { createAccount } from "../../src/services/accounts/accounts";
import { createServiceContext } from "../../src/services/context";
import type { servedDemoPortal } from "./portal";

export type Portal = Awaited<ReturnType<typeof servedDemoPortal>>;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** axe's findings on the page as it stands (WCAG 2.1 A/AA and best practice), each as "rule targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return axe.violations.map((v) => `${new URL(page.url()).pathname}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Whether the page fits its viewport's width without scrolling sideways. */
export const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** Saves a full-page screenshot under the temporary folder's gremium-screenshots, for a person to look at. */
export async function screenshot(page: Page, name: string) {
  const folder = path.join(tmpdir(), "gremium-screenshots");
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

/** Sets the password behind a set-password link and signs in, in a page of a new browser context. */
export async function signInWithLink(browser: Browser, portal: Portal, email: string, setPasswordPath: string, password: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(portal.origin + setPasswordPath);
  await page.fill("#password", password);
  await page.fill("#repeat", password);
  await page.click("main button[type=submit]");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("main button[type=submit]");
  return { context, page };
}

/** A signed-in page for a new account of the role (the member's of a person, the secretariat's of the demo body). */
export async function signedInAs(
  browser: Browser,
  portal: Portal,
  account: { email: string; role: "member" | "secretariat"; personId?: string },
) {
  const admin = createServiceContext(portal.db, { kind: "admin", tokenId: null, name: "test" }, new Date());
  const body = await portal.db.prisma.body.findFirstOrThrow();
  const { setPasswordPath } = await createAccount(admin, { ...account, ...(account.role === "secretariat" ? { bodyId: body.id } : {}) });
  return signInWithLink(browser, portal, account.email, setPasswordPath, "Sitzungsdienst am Neckar 12");
}
