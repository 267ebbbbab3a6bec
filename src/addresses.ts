/**
 * The public portal's readable German addresses, in one place: the pages link with them, and the PDFs and
 * calendar feeds print them, so that every document points to its accessible HTML form.
 */
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
