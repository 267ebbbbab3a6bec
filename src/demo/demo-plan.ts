/**
 * The demo integration plan: 5 action fields, 40 fictional measures, resolutions of the committee linked
 * to measures (so that a trace shows at once), a recommendation of the advisory council followed up by the
 * committee, and two ideas from the integration forum.
 */
import type { Statement } from "../db/database";
import { insertRow } from "../db/sql";
import { addDays, berlinDateOf } from "../rules/calendar";
import type { DemoResolution } from "./demo-outcomes";

const FIELDS: [string, string[]][] = [
  [
    "Sprache und Bildung",
    [
      "Sprachkurse für Eltern",
      "Sprachförderung in Kitas",
      "Lernpatenschaften",
      "Mehrsprachige Bibliothek",
      "Elterncafés an Grundschulen",
      "Berufssprachkurse",
      "Hausaufgabenhilfe",
      "Alphabetisierungskurse",
    ],
  ],
  [
    "Arbeit und Wirtschaft",
    [
      "Anerkennungsberatung",
      "Jobmentoring",
      "Praktikumsbörse",
      "Integrationsmanagement",
      "Gründungsberatung",
      "Ausbildungspatenschaften",
      "Frauen in Arbeit",
      "Interkulturelle Öffnung der Verwaltung",
    ],
  ],
  [
    "Wohnen und Stadtteil",
    [
      "Quartiersmanagement Oststadt",
      "Wohnraumvermittlung",
      "Nachbarschaftslotsen",
      "Stadtteilfeste",
      "Mieterberatung",
      "Gemeinschaftsgärten",
      "Spielplatzpatenschaften",
      "Sauberkeitsaktionen",
    ],
  ],
  [
    "Soziales, Gesundheit, Sport",
    [
      "Gesundheitslotsen",
      "Schwimmkurse für Mädchen",
      "Sportvereine öffnen",
      "Psychosoziale Beratung",
      "Seniorentreffs",
      "Suchtprävention",
      "Sprachmittlung im Gesundheitswesen",
      "Familienzentren",
    ],
  ],
  [
    "Aktives Zusammenleben",
    [
      "Integrationsforum",
      "Förderung von Migrantenorganisationen",
      "Interkulturelle Woche",
      "Ehrenamtsbörse",
      "Dialog der Religionen",
      "Demokratiewerkstatt",
      "Antidiskriminierungsberatung",
      "Willkommenspaten",
    ],
  ],
];

const STATUSES = ["planned", "in_progress", "implemented", "ongoing", "paused", "in_progress", "ongoing", "planned"];

export interface DemoPlanInput {
  now: Date;
  bodyId: string;
  actorName: string;
  /** Resolutions of the integration committee from the demo year. */
  resolutions: DemoResolution[];
  /** The advisory council's recommendation and the committee resolution that followed it. */
  recommendation: { id: string; receivingResolutionId: string } | null;
}

/** The demo plan's action fields by number and its measures by code, for the figures and the report. */
export interface DemoPlanIds {
  planId: string;
  fieldIds: Map<number, string>;
  measureIds: Map<string, string>;
}

export function demoPlan(input: DemoPlanInput): { statements: Statement[]; measures: number; ids: DemoPlanIds } {
  const { now, actorName } = input;
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const statements: Statement[] = [];
  const planId = crypto.randomUUID();
  statements.push(
    insertRow("Plan", {
      id: planId,
      ...stamp,
      bodyId: input.bodyId,
      title: "Integrationsplan 2019",
      adoptedOn: "2019-04-11",
      adoptedByResolutionId: null,
      description: "Vom Gemeinderat am 11.04.2019 beschlossen; wird mit den Netzwerkpartnern laufend fortgeschrieben.",
    }),
    insertRow("PlanUpdate", {
      id: crypto.randomUUID(),
      planId,
      date: "2023-03-16",
      resolutionId: null,
      note: "Fortschreibung 2023: Handlungsfeld 4 erweitert",
      createdAt: now,
    }),
  );
  // Resolutions of the committee, linked to the measures they concern.
  const links: [string, string, string][] = [
    ["Sprachförderung in Kitas", "1.2", "changes"],
    ["Förderrichtlinie Migrantenorganisationen", "5.2", "initiates"],
    ["Vergabe Integrationsmanagement", "2.4", "changes"],
    ["Stellungnahme zum Haushalt 2027: Integrationsmittel", "1.2", "reports_progress"],
  ];
  // A measure that resolutions move starts as planned; the resolutions take it, step by step, to where it is now.
  const linkedCodes = new Set(links.map(([, code]) => code));
  const measureIds = new Map<string, { id: string; status: string; progress: number }>();
  const fieldIds = new Map<number, string>();
  FIELDS.forEach(([fieldTitle, titles], fieldIndex) => {
    const fieldId = crypto.randomUUID();
    fieldIds.set(fieldIndex + 1, fieldId);
    statements.push(insertRow("ActionField", { id: fieldId, planId, number: fieldIndex + 1, title: fieldTitle, version: 1 }));
    titles.forEach((title, index) => {
      const code = `${fieldIndex + 1}.${index + 1}`;
      const status = STATUSES[(index + fieldIndex) % STATUSES.length]!;
      const progress = status === "implemented" ? 100 : status === "planned" ? 0 : 20 + ((index * 13 + fieldIndex * 7) % 60);
      const id = crypto.randomUUID();
      measureIds.set(code, { id, status, progress });
      statements.push(
        insertRow("Measure", {
          id,
          ...stamp,
          // Half of the measures last moved long ago, so that the overview has stale ones.
          createdAt: new Date(now.getTime() - (index % 2 ? 400 : 60) * 86_400_000),
          updatedAt: now,
          planId,
          actionFieldId: fieldId,
          code,
          title,
          description: `${title}: ein Angebot der Stadt mit ihren Partnern, Teil des Handlungsfelds „${fieldTitle}“.`,
          responsible: index % 3 === 0 ? "Stabsstelle Integration" : index % 3 === 1 ? "Amt für Bildung und Sport" : "Sozialamt",
          partners: JSON.stringify(["Volkshochschule", "Migrantenorganisationen", "Caritas"].slice(0, 1 + (index % 3))),
          status,
          progress,
          startDate: "2020-01-01",
          targetDate: "2028-12-31",
          indicators: "Teilnehmende pro Jahr; Zufriedenheit der Teilnehmenden",
          evidence: null,
        }),
        insertRow("MeasureHistory", {
          measureId: id,
          at: new Date(now.getTime() - (index % 2 || linkedCodes.has(code) ? 400 : 60) * 86_400_000),
          actorName,
          fromStatus: null,
          toStatus: linkedCodes.has(code) ? "planned" : status,
          fromProgress: null,
          toProgress: linkedCodes.has(code) ? 0 : progress,
          reason: "Übernahme aus dem Integrationsplan",
          resolutionId: null,
          source: "import",
        }),
      );
    });
  });

  const linked = links
    .flatMap(([itemTitle, code, relation]) => {
      const resolution = input.resolutions.find((r) => r.itemTitle === itemTitle);
      return resolution ? [{ resolution, code, relation }] : [];
    })
    .sort((a, b) => a.resolution.at.getTime() - b.resolution.at.getTime());
  const current = new Map([...linkedCodes].map((code) => [code, { status: "planned", progress: 0 }]));
  for (const [index, { resolution, code, relation }] of linked.entries()) {
    const itemTitle = resolution.itemTitle;
    const measure = measureIds.get(code)!;
    const before = current.get(code)!;
    // The last resolution on a measure brings it to where it is now; an earlier one halfway.
    const last = !linked.slice(index + 1).some((l) => l.code === code);
    const after = { status: measure.status, progress: last ? measure.progress : Math.round(measure.progress / 2) };
    current.set(code, after);
    statements.push(
      insertRow("MeasureLink", {
        id: crypto.randomUUID(),
        resolutionId: resolution.id,
        measureId: measure.id,
        relation,
        newStatus: relation === "initiates" ? "in_progress" : null,
        newProgress: relation === "reports_progress" ? after.progress : null,
        note: null,
        createdAt: resolution.at,
      }),
      insertRow("MeasureHistory", {
        measureId: measure.id,
        at: resolution.at,
        actorName,
        fromStatus: before.status,
        toStatus: after.status,
        fromProgress: before.progress,
        toProgress: after.progress,
        reason: `Beschluss zu „${itemTitle}“`,
        resolutionId: resolution.id,
        source: "link",
      }),
    );
  }
  if (input.recommendation) {
    statements.push(
      insertRow("RecommendationFollowUp", {
        id: crypto.randomUUID(),
        ...stamp,
        recommendationId: input.recommendation.id,
        handling: "adopted",
        receivingResolutionId: input.recommendation.receivingResolutionId,
        note: "Der Integrationsausschuss ist der Empfehlung des Beirats gefolgt.",
      }),
    );
  }
  const today = berlinDateOf(now);
  const ideas = [
    {
      proposedBy: "Arbeitsgruppe Sport und Gesundheit",
      text: "Schwimmkurse nur für Mädchen und Frauen, mit Trainerinnen aus den Vereinen.",
      status: "adopted",
      measureId: measureIds.get("4.2")!.id,
    },
    {
      proposedBy: "Elternbeirat der Uhlandschule",
      text: "Ein mehrsprachiger Elternbrief-Service der Schulen.",
      status: "under_review",
      measureId: null,
    },
  ];
  for (const idea of ideas) {
    statements.push(
      insertRow("ForumIdea", {
        id: crypto.randomUUID(),
        ...stamp,
        bodyId: input.bodyId,
        forum: "Integrationsforum 2026",
        forumDate: addDays(today, -150),
        ...idea,
        paperId: null,
      }),
    );
  }
  return {
    statements,
    measures: measureIds.size,
    ids: { planId, fieldIds, measureIds: new Map([...measureIds].map(([code, measure]) => [code, measure.id])) },
  };
}
