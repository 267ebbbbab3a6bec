/**
 * OParl 1.1 objects (https://oparl.org/spezifikation/): pure mappings from the public views the services gather to
 * the standard's JSON. URLs are relative to the service's address (`/oparl/v1.1/…` and the portal's `/…`); the
 * HTTP layer puts the address in front. Embedded objects are placeholders (`embed`) that the OParl service fills in
 * with the embedded object as last published, so that it carries its own `created` and `modified`.
 */
import { paths } from "../addresses";
import { berlinDateOf, berlinIsoOf } from "../rules/calendar";
import { paperNumber } from "../rules/papers";
import { ATTENDANCE, BALLOT, CONSULTATION_ROLE, MEMBERSHIP_ROLE, OUTCOME, PAPER_TYPE, label } from "./labels";

export const OPARL_VERSION = "https://schema.oparl.org/1.1/";
export const OPARL_ROOT = "/oparl/v1.1";

export const OPARL_TYPES = [
  "System",
  "Body",
  "LegislativeTerm",
  "Organization",
  "Person",
  "Membership",
  "Meeting",
  "AgendaItem",
  "Location",
  "Paper",
  "Consultation",
  "File",
] as const;
export type OparlType = (typeof OPARL_TYPES)[number];

/** The lists of a body: the name of the list in its URL, the Body member that links it, and the type it holds. */
export const BODY_LISTS = {
  organization: { member: "organization", type: "Organization" },
  person: { member: "person", type: "Person" },
  meeting: { member: "meeting", type: "Meeting" },
  paper: { member: "paper", type: "Paper" },
  agendaItem: { member: "agendaItem", type: "AgendaItem" },
  consultation: { member: "consultation", type: "Consultation" },
  file: { member: "file", type: "File" },
  membership: { member: "membership", type: "Membership" },
  location: { member: "locationList", type: "Location" },
  legislativeTerm: { member: "legislativeTermList", type: "LegislativeTerm" },
} as const satisfies Record<string, { member: string; type: OparlType }>;
export type BodyList = keyof typeof BODY_LISTS;

/** The segment of a type in URLs: "agendaItem" for AgendaItem. */
export const oparlSegment = (type: OparlType) => `${type.charAt(0).toLowerCase()}${type.slice(1)}`;
/** The key of an object: its path below the OParl root, such as "meeting/<id>". */
export const oparlKey = (type: OparlType, id: string) => `${oparlSegment(type)}/${id}`;
const oparlUrl = (type: OparlType, id: string) => `${OPARL_ROOT}/${oparlKey(type, id)}`;
export const bodyListUrl = (bodyId: string, list: BodyList) => `${OPARL_ROOT}/body/${bodyId}/${list}`;
const fileAccessUrl = (fileId: string) => `${OPARL_ROOT}/file/${fileId}/inhalt`;
const fileDownloadUrl = (fileId: string) => `${OPARL_ROOT}/file/${fileId}/herunterladen`;

/** The date-time form OParl asks for: Berlin wall-clock time with its offset, no fraction, no "Z". */
export const oparlDateTime = (instant: Date) => berlinIsoOf(instant);

/**
 * An embedded object, filled in by the service: the object at `key` as published, without its back-reference (and,
 * for a file, without its text, which can be long: it is at the file's own address).
 */
export interface Embed {
  embed: string;
  without: string[];
}
const embed = (type: OparlType, id: string, ...without: string[]): Embed => ({ embed: oparlKey(type, id), without });
const embedFile = (id: string, backReference: "meeting" | "paper") => embed("File", id, backReference, "text");

/** One object to publish: where it lives, what it says, and the record it stems from (for `created`). */
export interface OparlDraft {
  key: string;
  type: OparlType;
  created: Date;
  data: Record<string, unknown>;
}

/** Drops members without a value, so that the JSON carries no nulls and no empty lists. */
function compact(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(
      ([, value]) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && !value.length),
    ),
  );
}
const draft = (type: OparlType, id: string, created: Date, data: Record<string, unknown>): OparlDraft => ({
  key: oparlKey(type, id),
  type,
  created,
  data: compact(data),
});

/** The portal address of a record; with several bodies, the body goes along as `?k=`. */
export type WebOf = (path: string) => string;

export interface BodyView {
  id: string;
  name: string;
  shortName: string | null;
  website: string | null;
  ags: string | null;
  contactEmail: string | null;
  contactName: string | null;
  /** The Location of the seat of the administration, where the body gave one. */
  locationId: string | null;
  createdAt: Date;
  terms: { id: string; name: string; startDate: string; endDate: string | null; createdAt: Date }[];
}

export function bodyDrafts(body: BodyView, web: WebOf, license: string): OparlDraft[] {
  const lists = Object.fromEntries(
    (Object.keys(BODY_LISTS) as BodyList[]).map((list) => [BODY_LISTS[list].member, bodyListUrl(body.id, list)]),
  );
  const terms = body.terms.map((term) =>
    draft("LegislativeTerm", term.id, term.createdAt, {
      body: oparlUrl("Body", body.id),
      name: term.name,
      startDate: term.startDate,
      endDate: term.endDate,
    }),
  );
  const bodyDraft = draft("Body", body.id, body.createdAt, {
    system: `${OPARL_ROOT}/system`,
    name: body.name,
    shortName: body.shortName,
    website: body.website,
    license,
    ags: body.ags,
    contactEmail: body.contactEmail,
    contactName: body.contactName,
    classification: "Kommune",
    location: body.locationId ? embed("Location", body.locationId, "bodies", "meetings") : null,
    ...lists,
    legislativeTerm: body.terms.map((term) => embed("LegislativeTerm", term.id, "body")),
    web: web("/"),
  });
  // OParl requires the list of terms, also when it is empty.
  bodyDraft.data.legislativeTerm ??= [];
  return [...terms, bodyDraft];
}

export interface OrganizationView {
  id: string;
  bodyId: string;
  name: string;
  shortName: string;
  kind: string;
  /** When the committee was constituted (a calendar date). */
  constitutedOn: string | null;
  createdAt: Date;
  membershipIds: string[];
}

const CLASSIFICATION: Record<string, string> = {
  advisory_council: "Beirat",
  advisory_committee: "Ausschuss",
  decision_committee: "Ausschuss",
  working_group: "Arbeitsgruppe",
};

export function organizationDraft(committee: OrganizationView, web: WebOf): OparlDraft {
  return draft("Organization", committee.id, committee.createdAt, {
    body: oparlUrl("Body", committee.bodyId),
    name: committee.name,
    shortName: committee.shortName,
    organizationType: "Gremium",
    classification: CLASSIFICATION[committee.kind] ?? "Gremium",
    startDate: committee.constitutedOn,
    membership: committee.membershipIds.map((id) => oparlUrl("Membership", id)),
    web: web(paths.committee(committee.id)),
  });
}

/** An organisation that sends members (a Verein, a Migrantenorganisation), as an Organization of the body. */
export function sendingOrganizationDraft(bodyId: string, id: string, name: string, created: Date): OparlDraft {
  return draft("Organization", id, created, {
    body: oparlUrl("Body", bodyId),
    name,
    organizationType: "Sonstiges",
    classification: "Entsendende Organisation",
  });
}

export interface PersonView {
  id: string;
  bodyId: string;
  givenName: string;
  familyName: string;
  formOfAddress: string | null;
  title: string | null;
  createdAt: Date;
  memberships: {
    id: string;
    committeeId: string;
    role: string;
    votingRight: boolean;
    startDate: string;
    endDate: string | null;
    /** The Organization of the sending organisation, if the member was sent by one. */
    onBehalfOfId: string | null;
    createdAt: Date;
  }[];
}

export function personDrafts(person: PersonView, web: WebOf): OparlDraft[] {
  const memberships = person.memberships.map((m) =>
    draft("Membership", m.id, m.createdAt, {
      person: oparlUrl("Person", person.id),
      organization: oparlUrl("Organization", m.committeeId),
      role: label(MEMBERSHIP_ROLE, m.role),
      votingRight: m.votingRight,
      startDate: m.startDate,
      endDate: m.endDate,
      onBehalfOf: m.onBehalfOfId ? oparlUrl("Organization", m.onBehalfOfId) : null,
    }),
  );
  return [
    ...memberships,
    draft("Person", person.id, person.createdAt, {
      body: oparlUrl("Body", person.bodyId),
      name: [person.title, person.givenName, person.familyName].filter(Boolean).join(" "),
      familyName: person.familyName,
      givenName: person.givenName,
      formOfAddress: person.formOfAddress,
      title: person.title ? [person.title] : [],
      membership: person.memberships.map((m) => embed("Membership", m.id, "person")),
      web: web(paths.person(person.id)),
    }),
  ];
}

export interface LocationView {
  id: string;
  bodyId: string;
  name: string | null;
  address: string | null;
  room: string | null;
  /** Coordinates (WGS 84), where known. */
  latitude: number | null;
  longitude: number | null;
  /** The meetings held there, in date order. */
  meetingIds: string[];
  createdAt: Date;
}

/**
 * A place, with "Straße 1, 12345 Ort" split into street, postal code and locality where it has that form, and the
 * meetings held there. Embedded in a meeting, it carries neither back-reference (see `embed` in `meetingDrafts`).
 */
export function locationDraft(place: LocationView): OparlDraft {
  const address = /^(?<street>.+?),\s*(?<postalCode>\d{5})\s+(?<locality>.+)$/.exec(place.address ?? "")?.groups;
  return draft("Location", place.id, place.createdAt, {
    description: [place.name, place.room, place.address].filter(Boolean).join(", "),
    streetAddress: address ? address.street : place.address,
    postalCode: address?.postalCode,
    locality: address?.locality,
    room: place.room,
    geojson:
      place.latitude !== null && place.longitude !== null
        ? { type: "Feature", geometry: { type: "Point", coordinates: [place.longitude, place.latitude] }, properties: {} }
        : null,
    bodies: [oparlUrl("Body", place.bodyId)],
    meetings: place.meetingIds.map((id) => oparlUrl("Meeting", id)),
  });
}

/** A PDF or an attachment, published as an OParl File. */
export interface FileView {
  id: string;
  name: string;
  fileName: string;
  mimeType: string;
  /** Size and SHA-512, where known (a generated document's once it was rendered from its present content). */
  size: number | null;
  sha512: string | null;
  /** The text of the document, where it is known. */
  text: string | null;
  date: Date;
  createdAt: Date;
  meetingId?: string;
  paperId?: string;
}

export function fileDraft(file: FileView, license: string): OparlDraft {
  return draft("File", file.id, file.createdAt, {
    name: file.name,
    fileName: file.fileName,
    mimeType: file.mimeType,
    date: berlinDateOf(file.date),
    size: file.size,
    sha512Checksum: file.sha512,
    text: file.text,
    accessUrl: fileAccessUrl(file.id),
    downloadUrl: fileDownloadUrl(file.id),
    fileLicense: license,
    meeting: file.meetingId ? [oparlUrl("Meeting", file.meetingId)] : [],
    paper: file.paperId ? [oparlUrl("Paper", file.paperId)] : [],
  });
}

export interface AgendaItemView {
  id: string;
  number: string;
  title: string;
  withdrawn: boolean;
  createdAt: Date;
  /** The Consultation of the paper dealt with under this item, if the paper is public. */
  consultationId: string | null;
  resolution: { number: string; text: string; outcome: string | null } | null;
  /** The wording of the non-public resolutions announced under this item. */
  announced: string[];
  votes: {
    id: string;
    motion: string;
    kind: string;
    yes: number | null;
    no: number | null;
    abstain: number | null;
    outcome: string;
    /** Who voted how, for a roll call, once the minutes are published. */
    rollCall: { personId: string; name: string; vote: string }[] | null;
  }[];
}

export interface MeetingView {
  id: string;
  committeeId: string;
  title: string;
  state: string;
  invited: boolean;
  startsAt: Date;
  endsAt: Date | null;
  createdAt: Date;
  locationId: string | null;
  items: AgendaItemView[];
  invitationFileId: string | null;
  minutesFileId: string | null;
  /** Who attended, when the body publishes attendance. */
  attendance: { personId: string; name: string; status: string }[] | null;
}

function meetingState(meeting: MeetingView): string {
  if (meeting.state === "held" || meeting.state === "closed") return "durchgeführt";
  return meeting.invited ? "eingeladen" : "terminiert";
}

/** A meeting with its public agenda items (numbered as shown, `order` from 0 without gaps) and their results. */
export function meetingDrafts(meeting: MeetingView, web: WebOf): OparlDraft[] {
  const items = meeting.items.map((item, order) =>
    draft("AgendaItem", item.id, item.createdAt, {
      meeting: oparlUrl("Meeting", meeting.id),
      number: item.number,
      order,
      name: item.title,
      public: true,
      consultation: item.consultationId ? oparlUrl("Consultation", item.consultationId) : null,
      result: item.withdrawn
        ? "abgesetzt"
        : item.resolution?.outcome
          ? (OUTCOME[item.resolution.outcome] ?? item.resolution.outcome)
          : null,
      resolutionText: item.resolution?.text ?? (item.announced.join("\n\n") || null),
      keyword: item.resolution ? [`Beschluss ${item.resolution.number}`] : [],
      // Each vote has an id of its own (at its item's address), so that importers that key objects by id keep it.
      "gremium:votes": item.votes.map((vote) =>
        compact({
          id: `${oparlUrl("AgendaItem", item.id)}#vote-${vote.id}`,
          motion: vote.motion,
          kind: vote.kind,
          yes: vote.yes,
          no: vote.no,
          abstain: vote.abstain,
          outcome: OUTCOME[vote.outcome] ?? vote.outcome,
          rollCall: vote.rollCall?.map((b) => ({ person: oparlUrl("Person", b.personId), name: b.name, vote: BALLOT[b.vote] ?? b.vote })),
        }),
      ),
      web: web(paths.item(meeting.id, item.id)),
    }),
  );
  return [
    ...items,
    draft("Meeting", meeting.id, meeting.createdAt, {
      name: meeting.title,
      meetingState: meetingState(meeting),
      cancelled: meeting.state === "cancelled",
      start: oparlDateTime(meeting.startsAt),
      end: meeting.endsAt ? oparlDateTime(meeting.endsAt) : null,
      location: meeting.locationId ? embed("Location", meeting.locationId, "bodies", "meetings") : null,
      organization: [oparlUrl("Organization", meeting.committeeId)],
      invitation: meeting.invitationFileId ? embedFile(meeting.invitationFileId, "meeting") : null,
      resultsProtocol: meeting.minutesFileId ? embedFile(meeting.minutesFileId, "meeting") : null,
      agendaItem: meeting.items.map((item) => embed("AgendaItem", item.id, "meeting")),
      "gremium:attendance": meeting.attendance?.map((a) => ({
        person: oparlUrl("Person", a.personId),
        name: a.name,
        status: label(ATTENDANCE, a.status),
      })),
      web: web(paths.meeting(meeting.id)),
    }),
  ];
}

export interface PaperView {
  id: string;
  bodyId: string;
  year: number;
  serial: number;
  title: string;
  type: string;
  /** The paper's date: set by the secretariat, or its first consultation's invitation (a calendar date). */
  date: string;
  createdAt: Date;
  mainFileId: string | null;
  attachmentIds: string[];
  consultations: {
    id: string;
    committeeId: string;
    role: string;
    meetingId: string | null;
    agendaItemId: string | null;
    createdAt: Date;
  }[];
}

export function paperDrafts(paper: PaperView, web: WebOf): OparlDraft[] {
  const consultations = paper.consultations.map((c) =>
    draft("Consultation", c.id, c.createdAt, {
      paper: oparlUrl("Paper", paper.id),
      agendaItem: c.agendaItemId ? oparlUrl("AgendaItem", c.agendaItemId) : null,
      meeting: c.meetingId ? oparlUrl("Meeting", c.meetingId) : null,
      organization: [oparlUrl("Organization", c.committeeId)],
      authoritative: c.role === "deciding",
      role: label(CONSULTATION_ROLE, c.role),
    }),
  );
  return [
    ...consultations,
    draft("Paper", paper.id, paper.createdAt, {
      body: oparlUrl("Body", paper.bodyId),
      name: paper.title,
      reference: paperNumber(paper.year, paper.serial),
      date: paper.date,
      paperType: label(PAPER_TYPE, paper.type),
      mainFile: paper.mainFileId ? embedFile(paper.mainFileId, "paper") : null,
      auxiliaryFile: paper.attachmentIds.map((id) => embedFile(id, "paper")),
      consultation: paper.consultations.map((c) => embed("Consultation", c.id, "paper")),
      web: web(paths.paper(paper.id)),
    }),
  ];
}

export interface SystemView {
  license: string;
  created: Date;
  modified: Date;
  name: string;
  version: string;
  /** The contact of the installation: that of its body, where it serves one. */
  contact: { website: string | null; contactEmail: string | null; contactName: string | null } | null;
}

export function systemObject(system: SystemView): Record<string, unknown> {
  return {
    id: `${OPARL_ROOT}/system`,
    type: `${OPARL_VERSION}System`,
    oparlVersion: OPARL_VERSION,
    license: system.license,
    body: `${OPARL_ROOT}/body`,
    name: system.name,
    ...compact({ ...system.contact }),
    product: "https://github.com/gremium-org/gremium",
    vendor: "https://github.com/gremium-org",
    "gremium:version": system.version,
    created: oparlDateTime(system.created),
    modified: oparlDateTime(system.modified),
    web: "/",
  };
}

/** The members whose values are URLs (or lists of URLs), which the HTTP layer makes absolute. */
const URL_MEMBERS = [
  "id",
  "system",
  "body",
  "organization",
  "person",
  "meeting",
  "paper",
  "agendaItem",
  "consultation",
  "file",
  "membership",
  "locationList",
  "legislativeTermList",
  "bodies",
  "meetings",
  "web",
  "accessUrl",
  "downloadUrl",
  "onBehalfOf",
  // The links of a list.
  "first",
  "self",
  "next",
].join("|");
const URL_VALUE = new RegExp(`([{,]"(?:${URL_MEMBERS})":)"/`, "g");
const URL_LIST = new RegExp(`([{,]"(?:${URL_MEMBERS})":)\\[((?:"/[^"\\\\]*",?)+)\\]`, "g");

/**
 * Puts the service's address in front of every relative URL of a JSON text, embedded objects included. It works on
 * the text, so that a page of objects as stored is never parsed again: in JSON, a member name can only follow "{" or
 * ",", never inside a string (whose quotes are escaped), so texts from users cannot be taken for URLs.
 */
export function absoluteJson(json: string, base: string): string {
  return json
    .replace(URL_LIST, (_, member: string, list: string) => `${member}[${list.replaceAll('"/', `"${base}/`)}]`)
    .replace(URL_VALUE, (_, member: string) => `${member}"${base}/`);
}
