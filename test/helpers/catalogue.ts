/** A fictional 40-measure catalogue in 5 action fields, as CSV. */
const TOPICS = ["Sprachkurse", "Mentoring", "Quartiersarbeit", "Sportvereine", "Begegnungsfeste"];

export const ACTION_FIELDS = [
  "Sprache und Bildung",
  "Arbeit und Wirtschaft",
  "Wohnen und Stadtteil",
  "Soziales, Gesundheit, Sport",
  "Aktives Zusammenleben",
];

export function catalogueRows(count = 40) {
  return Array.from({ length: count }, (_, index) => {
    const field = (index % 5) + 1;
    const number = Math.floor(index / 5) + 1;
    return {
      code: `${field}.${number}`,
      actionField: field,
      actionFieldTitle: ACTION_FIELDS[field - 1]!,
      title: `Maßnahme ${field}.${number}: ${TOPICS[field - 1]} ${number}`,
      description:
        field === 4 && number === 3
          ? "Schwimmkurse für geflüchtete Mädchen mit Übungsleiterinnen aus den Vereinen."
          : `Beschreibung der Maßnahme ${field}.${number}.`,
      responsible: "Stabsstelle Integration",
      partners: ["Volkshochschule", "Migrantenorganisationen"],
      status: "planned",
      progress: 0,
    };
  });
}

export function catalogueCsv(rows = catalogueRows()) {
  const header = "code,actionField,actionFieldTitle,title,description,responsible,partners,status,progress";
  const quote = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
  return [
    header,
    ...rows.map((r) =>
      [r.code, r.actionField, r.actionFieldTitle, r.title, r.description, r.responsible, r.partners.join("; "), r.status, r.progress]
        .map(quote)
        .join(","),
    ),
  ].join("\r\n");
}
