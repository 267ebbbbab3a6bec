import { noOverlappingMembership } from "../../db/queries/memberships";
import { MEMBERSHIP_ROLE, label } from "../../documents/labels";
import type { MembershipModel } from "../../generated/prisma-node/models";
import { Problem, fieldProblem, notFound, type FieldError } from "../../errors";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import { berlinDateOf } from "../../rules/calendar";
import {
  SEAT_ROLES,
  defaultVotingRight,
  mayVote,
  periodsOverlap,
  roleOrder,
  type MembershipRole,
  type Period,
} from "../../rules/membership";
import type { TComposition, TMembershipCreate, TMembershipUpdate } from "../../schemas/memberships";
import { toMembershipView } from "../../schemas/memberships";
import { displayName } from "../../schemas/people";
import { assertManages } from "../access";
import { getCommittee } from "./committees";
import type { ServiceContext } from "../context";
import { currentOn } from "./membership-filters";
import { expectVersion, insertAuditedIf, newRecordColumns, updateAudited, updateAuditedIf } from "../records";

export async function listMemberships(
  ctx: ServiceContext,
  query: TPageQuery & { committeeId?: string; personId?: string; role?: MembershipRole; at?: string },
) {
  const rows = await ctx.db.prisma.membership.findMany({
    where: {
      ...(query.committeeId ? { committeeId: query.committeeId } : {}),
      ...(query.personId ? { personId: query.personId } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.at ? currentOn(query.at) : {}),
    },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  return toPage(rows, query);
}

export async function getMembership(ctx: ServiceContext, id: string) {
  const membership = await ctx.db.prisma.membership.findUnique({ where: { id } });
  if (!membership) throw notFound("Membership", id);
  return membership;
}

async function overlapProblem(ctx: ServiceContext, m: { id: string; personId: string; committeeId: string } & Period) {
  const others = await ctx.db.prisma.membership.findMany({
    where: { personId: m.personId, committeeId: m.committeeId, NOT: { id: m.id } },
  });
  const clash = others.find((other) => periodsOverlap(other, m));
  return new Problem(
    "conflict",
    clash
      ? `Die Person ist schon vom ${clash.startDate} bis ${clash.endDate ?? "auf Weiteres"} Mitglied dieses Gremiums (${clash.id}).`
      : "Die Person hat schon eine überschneidende Mitgliedschaft in diesem Gremium.",
    { errors: [{ field: "startDate", reason: "überschneidet sich mit einer anderen Mitgliedschaft derselben Person in diesem Gremium" }] },
  );
}

/** Checks the references and rules of a membership as it would be after the write. */
async function validate(ctx: ServiceContext, m: Omit<MembershipModel, "createdAt" | "updatedAt" | "version">) {
  const errors: FieldError[] = [];
  const committee = await getCommittee(ctx, m.committeeId).catch(() => undefined);
  if (!committee) throw fieldProblem("committeeId", "nennt kein bestehendes Gremium");
  assertManages(ctx, committee.bodyId);

  const person = await ctx.db.prisma.person.findFirst({ where: { id: m.personId, deletedAt: null } });
  if (!person) errors.push({ field: "personId", reason: "nennt keine bestehende Person" });
  else if (person.bodyId !== committee.bodyId)
    errors.push({ field: "personId", reason: "gehört zu einer anderen Körperschaft als das Gremium" });

  if (m.termId) {
    const term = await ctx.db.prisma.term.findFirst({ where: { id: m.termId, deletedAt: null } });
    if (!term || term.bodyId !== committee.bodyId)
      errors.push({ field: "termId", reason: "nennt keine Amtszeit der Körperschaft des Gremiums" });
  }
  if (m.endDate !== null && m.endDate < m.startDate) errors.push({ field: "endDate", reason: "darf nicht vor dem Beginn liegen" });
  if (m.votingRight && !mayVote(m.role as MembershipRole)) {
    errors.push({ field: "votingRight", reason: `die Funktion ${label(MEMBERSHIP_ROLE, m.role)} hat kein Stimmrecht` });
  }
  if (m.deputyForId) {
    if (m.role !== "deputy") errors.push({ field: "deputyForId", reason: "nur ein Stellvertreter vertritt ein Mitglied" });
    const principal = await ctx.db.prisma.membership.findUnique({ where: { id: m.deputyForId } });
    if (!principal || principal.committeeId !== m.committeeId || !SEAT_ROLES.includes(principal.role as MembershipRole)) {
      errors.push({ field: "deputyForId", reason: "muss die Mitgliedschaft eines Mitglieds desselben Gremiums nennen" });
    } else if (principal.personId === m.personId) {
      errors.push({ field: "deputyForId", reason: "niemand vertritt sich selbst" });
    } else if (!periodsOverlap(principal, m)) {
      errors.push({ field: "deputyForId", reason: "der Sitz des Mitglieds überschneidet sich nicht mit der Zeit des Stellvertreters" });
    }
  }
  if (errors.length > 0) throw new Problem("unprocessable", "Die Mitgliedschaft verletzt eine Regel.", { errors });
}

export async function createMembership(ctx: ServiceContext, input: TMembershipCreate) {
  const row = {
    ...newRecordColumns(ctx.now),
    committeeId: input.committeeId,
    personId: input.personId,
    termId: input.termId ?? null,
    role: input.role,
    votingRight: input.votingRight ?? defaultVotingRight(input.role),
    seatCategory: input.seatCategory ?? null,
    onBehalfOf: input.onBehalfOf ?? null,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    deputyForId: input.deputyForId ?? null,
  };
  await validate(ctx, row);
  if (!(await insertAuditedIf(ctx, "Membership", row, noOverlappingMembership(row)))) throw await overlapProblem(ctx, row);
  return row;
}

export async function updateMembership(ctx: ServiceContext, id: string, version: number, input: TMembershipUpdate) {
  const before = await getMembership(ctx, id);
  expectVersion(before, version);
  const role = input.role ?? (before.role as MembershipRole);
  const changes = {
    ...input,
    // A role change without an explicit voting right takes the new role's default.
    ...(input.role && input.votingRight === undefined ? { votingRight: defaultVotingRight(role) } : {}),
  };
  const next = { ...before, ...changes };
  if (next.endDate && next.endDate < next.startDate) throw fieldProblem("endDate", "darf nicht vor startDate liegen");
  await validate(ctx, next);
  const after = await updateAuditedIf(ctx, "Membership", before, changes, "update", noOverlappingMembership(next));
  if (after) return after;
  const current = await getMembership(ctx, id);
  expectVersion(current, version);
  throw await overlapProblem(ctx, next);
}

/**
 * Ends a membership today (Europe/Berlin). Memberships are never deleted: the record stays with its
 * history. To end on another date, set `endDate` with PATCH.
 */
export async function endMembership(ctx: ServiceContext, id: string, version: number) {
  const before = await getMembership(ctx, id);
  const committee = await getCommittee(ctx, before.committeeId);
  assertManages(ctx, committee.bodyId);
  expectVersion(before, version);
  const today = berlinDateOf(ctx.now);
  if (before.startDate > today) {
    throw new Problem(
      "conflict",
      `Die Mitgliedschaft beginnt am ${before.startDate} und kann nicht vorher enden; ihre Daten bitte mit PATCH ändern.`,
    );
  }
  if (before.endDate !== null && before.endDate <= today) {
    throw new Problem("conflict", `Die Mitgliedschaft endete bereits am ${before.endDate}.`);
  }
  return updateAudited(ctx, "Membership", before, { endDate: today }, "end");
}

/** The composition of a committee on a date: who holds which seat, with deputies, chair first. */
export async function committeeComposition(ctx: ServiceContext, committeeId: string, at?: string): Promise<TComposition> {
  await getCommittee(ctx, committeeId);
  const date = at ?? berlinDateOf(ctx.now);
  const personSelect = { select: { id: true, givenName: true, familyName: true, formOfAddress: true, title: true } };
  const rows = await ctx.db.prisma.membership.findMany({
    where: { committeeId, ...currentOn(date) },
    include: { person: personSelect, deputyFor: { include: { person: personSelect } } },
  });
  const personRef = (p: (typeof rows)[number]["person"]) => ({ ...p, name: displayName(p) });
  rows.sort(
    (a, b) =>
      roleOrder(a.role as MembershipRole) - roleOrder(b.role as MembershipRole) ||
      a.person.familyName.localeCompare(b.person.familyName, "de") ||
      a.person.givenName.localeCompare(b.person.givenName, "de"),
  );
  return {
    committeeId,
    at: date,
    seats: rows.length,
    votingMembers: rows.filter((row) => row.votingRight).length,
    items: rows.map((row) => ({
      ...toMembershipView(row),
      person: personRef(row.person),
      deputyFor: row.deputyFor ? { membershipId: row.deputyFor.id, person: personRef(row.deputyFor.person) } : null,
    })),
  };
}
