import { describe, expect, it } from "vitest";
import { listAuditEntries } from "../../src/services/accounts/audit-log";
import { createBody, deleteBody } from "../../src/services/people/bodies";
import { createServiceContext } from "../../src/services/context";
import { createToken, listTokens, revokeToken } from "../../src/services/accounts/tokens";
import { createTestApp } from "../helpers/test-app";

describe("administration", () => {
  it("is for admins alone, checked by the services themselves whatever calls them", async () => {
    const { db } = createTestApp();
    const admin = createServiceContext(db, { kind: "admin", tokenId: null, name: "admin" }, new Date());
    const body = await createBody(admin, { name: "Stadt Prüfstein" });
    const actors = [
      { kind: "secretariat", tokenId: "t", name: "gs", bodyId: body.id },
      { kind: "member", tokenId: "t", name: "m", bodyId: body.id, personId: "p" },
      { kind: "anonymous" },
    ] as const;
    for (const actor of actors) {
      const ctx = createServiceContext(db, actor, new Date());
      const calls = [
        () => createBody(ctx, { name: "Stadt Nebenan" }),
        () => deleteBody(ctx, body.id, body.version),
        () => createToken(ctx, { name: "x", role: "admin", expiresInDays: 1 }),
        () => listTokens(ctx, { limit: 10 }),
        () => revokeToken(ctx, "x"),
        () => listAuditEntries(ctx, { limit: 10 }),
      ];
      for (const call of calls) await expect(call(), actor.kind).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await listAuditEntries(admin, { limit: 10 })).items.length).toBeGreaterThan(0);
  });
});
