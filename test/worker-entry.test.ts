import { describe, expect, it, vi } from "vitest";

// The Worker's Prisma client is built for workerd; the app is what this test is about, not the client.
vi.mock("../src/generated/prisma-worker/client", () => ({ PrismaClient: class {} }));
vi.mock("../src/app", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/app")>();
  return { ...original, createApp: vi.fn(original.createApp) };
});

const { createApp } = await import("../src/app");
const { default: worker } = await import("../src/entry/worker");

const bindings = (publicBaseUrl?: string) =>
  ({
    DB: {},
    ATTACHMENTS: {},
    ASSETS: {},
    ADMIN_TOKEN: "a".repeat(40),
    ...(publicBaseUrl ? { PUBLIC_BASE_URL: publicBaseUrl } : {}),
  }) as never;
const context = { waitUntil() {}, passThroughOnException() {} } as never;

describe("the Worker entry", () => {
  it("builds the app once per isolate and gives each request the dependencies of its bindings", async () => {
    const first = await worker.fetch(new Request("https://w.example/openapi.json"), bindings("https://rat.example.de"), context);
    const second = await worker.fetch(new Request("https://w.example/openapi.json"), bindings("https://bürgerinfo.example.de"), context);
    expect((await first.json()).servers).toEqual([{ url: "https://rat.example.de" }]);
    expect((await second.json()).servers).toEqual([{ url: "https://bürgerinfo.example.de" }]);
    expect((await worker.fetch(new Request("https://w.example/nowhere"), bindings(), context)).status).toBe(404);
    expect(createApp).toHaveBeenCalledTimes(1);
  });

  it("answers 503 without details when its configuration is invalid", async () => {
    const response = await worker.fetch(
      new Request("https://w.example/health"),
      { ...(bindings() as object), ADMIN_TOKEN: "short" } as never,
      context,
    );
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain("ADMIN_TOKEN");
  });
});
