/** The portal's readable German addresses, in one place, so that pages, PDFs and feeds link alike. */
import packageJson from "../../package.json";

export interface Link {
  text: string;
  href?: string;
}

/** The body whose portal the visitor is in; `several` when the installation has more than one. */
export interface Scope {
  body: { id: string; name: string; shortName: string | null } | null;
  several: boolean;
}

/** A path within the visitor's body: with several bodies, the address carries it as `?k=`. */
export function scoped(path: string, scope: Scope, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (scope.several && scope.body) params.set("k", scope.body.id);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A static file, with the release in the address so that browsers may keep it for long. */
export const assetUrl = (path: string) => `/static/${path}?v=${packageJson.version}`;

export const paths = {
  meeting: (id: string) => `/sitzungen/${id}`,
  item: (meetingId: string, itemId: string) => `/sitzungen/${meetingId}/top/${itemId}`,
  minutes: (meetingId: string) => `/sitzungen/${meetingId}/niederschrift`,
  committee: (id: string) => `/gremien/${id}`,
  person: (id: string) => `/personen/${id}`,
  paper: (id: string) => `/vorlagen/${id}`,
  resolution: (id: string) => `/beschluesse/${id}`,
  plan: (id: string) => `/integrationsplan/${id}`,
  measure: (id: string) => `/massnahmen/${id}`,
  invitationPdf: (meetingId: string) => `/api/v1/meetings/${meetingId}/invitation.pdf`,
  minutesPdf: (meetingId: string) => `/api/v1/meetings/${meetingId}/minutes.pdf?part=public`,
  meetingIcs: (meetingId: string) => `/sitzungen/${meetingId}/termin.ics`,
  paperPdf: (id: string) => `/api/v1/papers/${id}.pdf`,
  resolutionPdf: (id: string) => `/api/v1/resolutions/${id}/extract.pdf`,
  attachment: (id: string) => `/api/v1/attachments/${id}`,
};
