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
  integrationReports: "/integrationsbericht",
  integrationReport: (year: number) => `/integrationsbericht/${year}`,
  // Documents under the pages' addresses, so that they honour the sign-in session as the pages do.
  invitationPdf: (meetingId: string) => `/sitzungen/${meetingId}/einladung.pdf`,
  minutesPdf: (meetingId: string) => `/sitzungen/${meetingId}/niederschrift.pdf`,
  meetingIcs: (meetingId: string) => `/sitzungen/${meetingId}/termin.ics`,
  paperPdf: (id: string) => `/vorlagen/${id}/vorlage.pdf`,
  resolutionPdf: (id: string) => `/beschluesse/${id}/auszug.pdf`,
  integrationReportPdf: (year: number) => `/integrationsbericht/${year}/bericht.pdf`,
  attachment: (paperId: string, id: string) => `/vorlagen/${paperId}/anlagen/${id}`,
};
