import ical, { ICalEventStatus } from "ical-generator";

export interface CalendarMeeting {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  state: string;
  cancelledReason: string | null;
  sequence: number;
  updatedAt: Date;
  url: string;
  /** The agenda lines the reader may see, e.g. "Ö 1 Eröffnung". */
  agenda: string[];
}

const STATUS: Record<string, ICalEventStatus> = {
  planned: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * An iCalendar feed of meetings. Each meeting keeps its UID across changes, and its SEQUENCE rises with
 * every change people see. Times are written in UTC (RFC 5545 form 2), which every client shows in its
 * own zone; X-WR-TIMEZONE names Europe/Berlin for clients that display a calendar zone.
 */
export function renderCalendar(name: string, meetings: CalendarMeeting[]): string {
  const calendar = ical({
    // ical-generator escapes the events' texts, but writes the calendar's name as it is.
    name: escapeText(name),
    prodId: { company: "Gremium", product: "Sitzungskalender", language: "DE" },
    x: [["X-WR-TIMEZONE", "Europe/Berlin"]],
  });
  for (const meeting of meetings) {
    const description = [
      meeting.state === "cancelled" ? `Abgesagt${meeting.cancelledReason ? `: ${meeting.cancelledReason}` : ""}` : null,
      meeting.agenda.length ? `Tagesordnung:\n${meeting.agenda.join("\n")}` : null,
      meeting.url,
    ]
      .filter(Boolean)
      .join("\n\n");
    calendar.createEvent({
      id: `${meeting.id}@gremium`,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: meeting.state === "cancelled" ? `Abgesagt: ${meeting.title}` : meeting.title,
      description,
      location: meeting.location,
      url: meeting.url,
      sequence: meeting.sequence,
      stamp: meeting.updatedAt,
      lastModified: meeting.updatedAt,
      status: STATUS[meeting.state] ?? ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** A TEXT value after RFC 5545, 3.3.11: backslash, semicolon and comma escaped, every line break as \n. */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}
