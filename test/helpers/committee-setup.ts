import { fixtures } from "./fixtures";
import { ADMIN_TOKEN, createTestApp, json } from "./test-app";

export const NOW = new Date("2026-11-21T10:00:00Z");

/** A body with a committee, a member with a seat and tokens for each role, on a fixed clock. */
export async function committeeSetup() {
  const t = createTestApp({ now: () => NOW });
  const f = fixtures(t.request);
  const body = await f.body();
  const committee = await f.committee(body.id);
  const otherCommittee = await f.committee(body.id, { name: "Fachgruppe Zuwanderung", shortName: "FGZ", kind: "working_group" });
  const member = await f.person(body.id, { givenName: "Αθηνά", familyName: "Παπαδοπούλου" });
  const outsider = await f.person(body.id, { givenName: "Ștefan", familyName: "Mureșan" });
  await f.membership(committee.id, member.id);
  await f.membership(otherCommittee.id, outsider.id);
  const tokens = {
    secretariat: await t.tokenFor("secretariat", { bodyId: body.id }),
    member: await t.tokenFor("member", { personId: member.id }),
    outsider: await t.tokenFor("member", { personId: outsider.id }),
    admin: ADMIN_TOKEN,
  };
  const createMeeting = async (overrides: Record<string, unknown> = {}) => {
    const response = await t.request("POST", "/api/v1/meetings", {
      token: tokens.secretariat,
      body: {
        committeeId: committee.id,
        startsAt: "2026-12-10T18:00:00+01:00",
        locationName: "Rathaus, Großer Sitzungssaal",
        ...overrides,
      },
    });
    if (response.status !== 201) throw new Error(`meeting: ${response.status} ${await response.text()}`);
    return json(response);
  };
  return { ...t, f, body, committee, otherCommittee, member, outsider, tokens, createMeeting };
}
