import type { Database } from "../../src/db/database";
import type { AppDeps } from "../../src/deps";
import { fixtures } from "./fixtures";
import { ADMIN_TOKEN, createTestApp, json } from "./test-app";

/** The default clock of every scenario: a Saturday in November 2026. */
export const NOW = new Date("2026-11-21T10:00:00Z");

/** A seat to create: a person with a membership in the committee (or in the other committee). */
export interface SeatSpec {
  givenName: string;
  familyName: string;
  role?: "chair" | "deputy_chair" | "member" | "deputy" | "advisory_member" | "minute_taker";
  /** The key of the seat this deputy stands in for (a personal deputy). */
  deputyFor?: string;
  /** Seats in the other committee of the body (a working group) make outsiders of the main committee. */
  inOtherCommittee?: boolean;
}

/**
 * The committee of the meeting tests: four voting members (the chair, m2, m3 with a personal deputy d3, m4) and
 * a minute-taker, plus an outsider who holds a seat in another committee of the same body. Names in Latin,
 * Cyrillic and Greek script.
 */
export const COMMITTEE_SEATS = {
  chair: { givenName: "Katharina", familyName: "Brenner", role: "chair" },
  m2: { givenName: "Şükrü", familyName: "Yıldırım" },
  m3: { givenName: "Жанна", familyName: "Ковальчук" },
  m4: { givenName: "Łucja", familyName: "Wąsik" },
  d3: { givenName: "Αθηνά", familyName: "Παπαδοπούλου", role: "deputy", deputyFor: "m3" },
  clerk: { givenName: "Jonas", familyName: "Albrecht", role: "minute_taker" },
  outsider: { givenName: "Ștefan", familyName: "Mureșan", inOtherCommittee: true },
} satisfies Record<string, SeatSpec>;

/** One member with a seat and one outsider: for tests about records rather than votes. */
export const ONE_MEMBER = {
  member: { givenName: "Αθηνά", familyName: "Παπαδοπούλου" },
  outsider: { givenName: "Ștefan", familyName: "Mureșan", inOtherCommittee: true },
} satisfies Record<string, SeatSpec>;

const EXPECTED: Record<string, number> = { GET: 200, POST: 201, PUT: 200, PATCH: 200, DELETE: 204 };

/**
 * Requests bound to one role's token. Each fails the test loudly, with the answer's body, unless the status is
 * the one expected: by default 200 for GET, PUT and PATCH, 201 for POST and 204 for DELETE.
 */
export interface Client {
  get<T = any>(path: string, options?: CallOptions): Promise<T>;
  post<T = any>(path: string, body?: unknown, options?: CallOptions): Promise<T>;
  put<T = any>(path: string, body?: unknown, options?: CallOptions): Promise<T>;
  patch<T = any>(path: string, body?: unknown, options?: CallOptions): Promise<T>;
  delete<T = any>(path: string, options?: CallOptions): Promise<T>;
  /** The raw response, for tests about headers and bytes; no status check. */
  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export interface CallOptions {
  status?: number;
  headers?: Record<string, string>;
}

export interface ScenarioOptions<K extends string> {
  seats?: Record<K, SeatSpec>;
  /** Fields of the committee, such as { name: "Integrationsbeirat", shortName: "IBR", kind: "advisory_council" }. */
  committee?: Record<string, unknown>;
  now?: Date;
  wrapDatabase?: (db: Database) => Database;
  /** The client address as the entry would know it (tests without a socket have none). */
  clientAddress?: AppDeps["clientAddress"];
  publicBaseUrl?: string;
  hashingConcurrency?: number;
  mail?: AppDeps["mail"];
}

/**
 * A body, its committee (an advisory committee, "IA") and another committee of the body (a working group), the
 * seats and a token for every seat holder, the secretariat and the admin, on a clock the test can move.
 */
export async function scenario<K extends string = keyof typeof COMMITTEE_SEATS>(options: ScenarioOptions<K> = {}) {
  const clock = { now: options.now ?? NOW };
  const app = createTestApp({
    now: () => clock.now,
    ...(options.wrapDatabase ? { wrapDatabase: options.wrapDatabase } : {}),
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
    ...(options.hashingConcurrency ? { hashingConcurrency: options.hashingConcurrency } : {}),
    ...(options.mail ? { mail: options.mail } : {}),
  });
  /** Every HTTP request the test makes; a test that counts the calls of a workflow resets it first. */
  const calls = { count: 0 };
  const request: typeof app.request = (...args) => {
    calls.count++;
    return app.request(...args);
  };
  const t = { ...app, request };
  const f = fixtures(t.request);
  const body = await f.body();
  const committee = await f.committee(body.id, options.committee ?? {});
  const otherCommittee = await f.committee(body.id, { name: "Fachgruppe Zuwanderung", shortName: "FGZ", kind: "working_group" });
  const specs = (options.seats ?? COMMITTEE_SEATS) as Record<K, SeatSpec>;
  const people = {} as Record<K, any>;
  const seats = {} as Record<K, any>;
  const memberTokens = {} as Record<K, string>;
  for (const key of Object.keys(specs) as K[]) {
    const { givenName, familyName, role, deputyFor, inOtherCommittee } = specs[key];
    people[key] = await f.person(body.id, { givenName, familyName });
    seats[key] = await f.membership(inOtherCommittee ? otherCommittee.id : committee.id, people[key].id, {
      ...(role ? { role } : {}),
      ...(deputyFor ? { deputyForId: seats[deputyFor as K].id } : {}),
    });
    memberTokens[key] = await t.tokenFor("member", { personId: people[key].id });
  }
  const tokens = { ...memberTokens, secretariat: await t.tokenFor("secretariat", { bodyId: body.id }), admin: ADMIN_TOKEN };

  /** Requests as one role: a seat holder's key, "secretariat", "admin", or "public" for no token. */
  function as(role: K | "secretariat" | "admin" | "public"): Client {
    const token = role === "public" ? undefined : tokens[role];
    const call = async (method: string, path: string, requestBody: unknown, options: CallOptions = {}) => {
      const response = await t.request(method, path, {
        token,
        body: requestBody,
        ...(options.headers ? { headers: options.headers } : {}),
      });
      const expected = options.status ?? EXPECTED[method]!;
      const text = await response.text();
      if (response.status !== expected)
        throw new Error(`${method} ${path} as ${role}: expected ${expected}, got ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    };
    return {
      get: (path, options) => call("GET", path, undefined, options),
      post: (path, requestBody, options) => call("POST", path, requestBody, options),
      put: (path, requestBody, options) => call("PUT", path, requestBody, options),
      patch: (path, requestBody, options) => call("PATCH", path, requestBody, options),
      delete: (path, options) => call("DELETE", path, undefined, options),
      raw: (method, path, requestBody, headers) => t.request(method, path, { token, body: requestBody, ...(headers ? { headers } : {}) }),
    };
  }

  /** Plans a meeting of the committee (by default on 10 December 2026, 18:00 in Berlin, with the standard frame). */
  const createMeeting = (overrides: Record<string, unknown> = {}) =>
    as("secretariat").post("/api/v1/meetings", {
      committeeId: committee.id,
      startsAt: "2026-12-10T18:00:00+01:00",
      locationName: "Rathaus, Großer Sitzungssaal",
      ...overrides,
    });

  return { ...t, f, clock, calls, body, committee, otherCommittee, people, seats, tokens, as, createMeeting, json };
}

export type Scenario<K extends string = keyof typeof COMMITTEE_SEATS> = Awaited<ReturnType<typeof scenario<K>>>;
