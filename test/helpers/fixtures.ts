import { ADMIN_TOKEN, json, type TestFetch } from "./test-app";

/** Creates records through the API as admin and returns their bodies. */
export function fixtures(request: TestFetch, token = ADMIN_TOKEN) {
  async function post(path: string, body: unknown) {
    const response = await request("POST", path, { token, body });
    if (response.status !== 201) throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
    return json(response);
  }
  return {
    body: (overrides: Record<string, unknown> = {}) => post("/api/v1/bodies", { name: "Stadt Testhausen", ...overrides }),
    committee: (bodyId: string, overrides: Record<string, unknown> = {}) =>
      post("/api/v1/committees", { bodyId, name: "Integrationsausschuss", shortName: "IA", kind: "advisory_committee", ...overrides }),
    person: (bodyId: string, overrides: Record<string, unknown> = {}) =>
      post("/api/v1/people", {
        bodyId,
        givenName: "Şükrü",
        familyName: "Yıldırım",
        email: "s.yildirim@example.org",
        phone: "+49 7171 123",
        ...overrides,
      }),
    membership: (committeeId: string, personId: string, overrides: Record<string, unknown> = {}) =>
      post("/api/v1/memberships", { committeeId, personId, role: "member", startDate: "2024-07-01", ...overrides }),
  };
}
