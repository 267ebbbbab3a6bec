/**
 * The words of the benchmark dataset: a random source seeded by a record's place, and German minutes,
 * papers and resolutions made of sentences about the topics of integration work.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

const SEED = 20261121;
export const LAST_YEAR = 2025;

/** A random source seeded by the place of a record, so that its content does not depend on the scale. */
export function randomAt(...place: number[]) {
  let seed = SEED;
  for (const n of place) seed = (Math.imul(seed ^ n, 0x9e3779b1) + 0x7f4a7c15) | 0;
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  return { int, pick };
}
export type Random = ReturnType<typeof randomAt>;

export const TOPICS = [
  "Sprachkurse",
  "Kinderbetreuung",
  "Wohnraum",
  "Ausbildungspaten",
  "Schwimmkurse",
  "Elternbegleitung",
  "Arbeitsmarktintegration",
  "Anerkennung ausländischer Abschlüsse",
  "Gesundheitslotsen",
  "Antidiskriminierungsberatung",
  "Vereinsförderung",
  "Sportangebote",
  "interkulturelle Öffnung der Verwaltung",
  "Dolmetscherpool",
  "Quartiersarbeit",
  "Seniorenbegegnung",
  "Hausaufgabenhilfe",
  "Frauencafé",
  "Jugendmigrationsdienst",
  "Willkommenskultur",
] as const;
export const PLACES = [
  "in der Weststadt",
  "in der Nordstadt",
  "im Quartier Am Bahnhof",
  "in den Ortsteilen",
  "in der Innenstadt",
  "im Stadtteil Süd",
];
export const SPEAKERS = [
  "Frau Yıldırım",
  "Herr Mureșan",
  "Frau Wąsik",
  "Frau Παπαδοπούλου",
  "Herr Ковальчук",
  "Frau Berger",
  "Herr Okafor",
  "Frau Nguyen",
  "Herr Dr. Schäfer",
  "Frau Haddad",
  "die Verwaltung",
  "der Vorsitzende",
  "die Vorsitzende",
  "Herr Bürgermeister Klein",
];
const SENTENCES = [
  (r: Random) => `${r.pick(SPEAKERS)} berichtet über den Stand der ${r.pick(TOPICS)} ${r.pick(PLACES)}.`,
  (r: Random) => `Im vergangenen Halbjahr haben ${r.int(12, 240)} Personen an den Angeboten teilgenommen, davon ${r.int(20, 70)} % Frauen.`,
  (r: Random) => `${r.pick(SPEAKERS)} fragt, wie die ${r.pick(TOPICS)} mit den Angeboten der freien Träger abgestimmt werden.`,
  () => `Die Verwaltung sagt zu, bis zur nächsten Sitzung eine Übersicht über die Kosten und die Wartelisten vorzulegen.`,
  (r: Random) => `${r.pick(SPEAKERS)} regt an, die ${r.pick(TOPICS)} stärker mit der Schulsozialarbeit zu verzahnen.`,
  (r: Random) => `Die Mittel im Haushaltsjahr belaufen sich auf ${r.int(5, 180) * 1000} Euro; ${r.int(10, 60)} % tragen Landesmittel.`,
  (r: Random) => `In der Aussprache werden Fragen zu Räumen, Fahrtkosten und Öffnungszeiten ${r.pick(PLACES)} beantwortet.`,
  (r: Random) => `${r.pick(SPEAKERS)} dankt den ehrenamtlich Engagierten für ihren Einsatz bei den ${r.pick(TOPICS)}.`,
  () => `Es wird vereinbart, die Migrantenorganisationen frühzeitig zu beteiligen und das Ergebnis im Integrationsbericht darzustellen.`,
  (r: Random) =>
    `${r.pick(SPEAKERS)} weist darauf hin, dass die Nachfrage nach ${r.pick(TOPICS)} seit ${LAST_YEAR - r.int(1, 6)} deutlich ` +
    `gestiegen ist.`,
];

export function paragraph(r: Random, sentences: number) {
  const capitalised = (sentence: string) => sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return Array.from({ length: sentences }, () => capitalised(r.pick(SENTENCES)(r))).join(" ");
}

/** Minutes notes of an item: two to four paragraphs, about 600 to 1,600 characters. */
export function minutesNotes(r: Random) {
  return Array.from({ length: r.int(2, 4) }, () => paragraph(r, r.int(3, 5))).join("\n\n");
}
