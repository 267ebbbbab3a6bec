/**
 * A fictional demo municipality, shaped like the real committees in the domain notes:
 * an integration advisory council of 33 (mayor as chair, 10 councillors, 17 foreign residents,
 * 5 repatriates) and an integration committee of 10 councillors and 9 expert citizen members with
 * personal deputies. All people are invented; names come from many Latin, Greek and Cyrillic scripts.
 */

export interface DemoPerson {
  key: string;
  givenName: string;
  familyName: string;
  formOfAddress: string | null;
  title?: string;
  organisation?: string;
}

export interface DemoSeat {
  committee: "beirat" | "ausschuss" | "fachgruppe";
  person: string;
  role: "chair" | "deputy_chair" | "member" | "deputy" | "advisory_member" | "minute_taker";
  seatCategory: string | null;
  onBehalfOf?: string;
  /** For deputies: the person whose seat they stand in for. */
  deputyFor?: string;
}

const councillors: [string, string, string][] = [
  ["Frau", "Sabine", "Hoffmann"],
  ["Herr", "Matthias", "Krüger"],
  ["Frau", "Łucja", "Wąsik"],
  ["Herr", "Jürgen", "Weiß"],
  ["Frau", "Ayşe", "Demir"],
  ["Herr", "Thomas", "Schäfer"],
  ["Frau", "Ingrid", "Maier"],
  ["Herr", "Giuseppe", "Russo"],
  ["Frau", "Renate", "Özdemir-Bauer"],
  ["Herr", "Klaus", "Fröhlich"],
];

const foreignResidents: [string, string, string][] = [
  ["Herr", "Şükrü", "Yıldırım"],
  ["Herr", "Ștefan", "Mureșan"],
  ["Frau", "Αθηνά", "Παπαδοπούλου"],
  ["Frau", "Жанна", "Ковальчук"],
  ["Frau", "Ivana", "Kovačević"],
  ["Herr", "Mehmet", "Çelik"],
  ["Frau", "Agnieszka", "Zielińska"],
  ["Herr", "Γιώργος", "Νικολάου"],
  ["Frau", "Олена", "Шевченко"],
  ["Herr", "Dragan", "Petrović"],
  ["Frau", "Fatma", "Şahin"],
  ["Herr", "Ioan", "Țăranu"],
  ["Frau", "Amira", "Haddad"],
  ["Herr", "Tomás", "García Núñez"],
  ["Frau", "Mariam", "Abebe"],
  ["Herr", "Arben", "Krasniqi"],
  ["Frau", "Nguyễn Thị", "Lan"],
];

const repatriates: [string, string, string][] = [
  ["Herr", "Viktor", "Schmidt"],
  ["Frau", "Людмила", "Беккер"],
  ["Herr", "Alexander", "Wagner"],
  ["Frau", "Tatjana", "Neufeld"],
  ["Herr", "Андрей", "Классен"],
];

const expertCitizens: [string, string, string, string][] = [
  ["Frau", "Hülya", "Aydın", "Türkisch-Deutscher Kulturverein"],
  ["Herr", "Bogdan", "Nowakowski", "Polnische Katholische Mission"],
  ["Frau", "Ελένη", "Γεωργίου", "Griechische Gemeinde"],
  ["Herr", "Юрій", "Бондаренко", "Ukrainischer Verein"],
  ["Frau", "Mirela", "Popescu", "Rumänisch-Orthodoxe Gemeinde"],
  ["Herr", "Kemal", "Öztürk", "DITIB-Gemeinde"],
  ["Frau", "Zeynep", "Kılıç", "Frauenverein Brücke"],
  ["Herr", "Samuel", "Mensah", "Afrikanischer Kulturverein"],
  ["Frau", "Ljiljana", "Đorđević", "Serbische Gemeinde"],
];

const deputyNames: [string, string, string][] = [
  ["Frau", "Petra", "Lämmle"],
  ["Herr", "Uwe", "Bürkle"],
  ["Frau", "Małgorzata", "Wiśniewska"],
  ["Herr", "Stefan", "Häußler"],
  ["Frau", "Emine", "Koç"],
  ["Herr", "Rüdiger", "Schöll"],
  ["Frau", "Hannelore", "Straub"],
  ["Herr", "Francesco", "Esposito"],
  ["Frau", "Gül", "Arslan"],
  ["Herr", "Dieter", "Rößler"],
  ["Frau", "Sevgi", "Yılmaz"],
  ["Herr", "Paweł", "Dąbrowski"],
  ["Frau", "Σοφία", "Κωνσταντίνου"],
  ["Herr", "Сергій", "Мельник"],
  ["Frau", "Andreea", "Ionescu"],
  ["Herr", "Hasan", "Güneş"],
  ["Frau", "Elif", "Doğan"],
  ["Herr", "Kwame", "Owusu"],
  ["Frau", "Snežana", "Marković"],
];

const toPerson =
  (prefix: string) =>
  ([formOfAddress, givenName, familyName]: [string, string, string, ...string[]], index: number): DemoPerson => ({
    key: `${prefix}${index + 1}`,
    formOfAddress,
    givenName,
    familyName,
  });

/** The town hall of the fictional town: its address and coordinates (in the Rems valley, where no town hall stands). */
export const demoTownHall = { address: "Marktplatz 1, 73525 Remsfeld", latitude: 48.7991, longitude: 9.7962 };

export const demoBody = {
  name: "Große Kreisstadt Remsfeld (Demo)",
  shortName: "Remsfeld",
  website: "https://remsfeld.example",
  // A fictional key of the right form: Ostalbkreis (08136), municipality 999, which does not exist.
  ags: "08136999",
  contactEmail: "integration@remsfeld.example",
  contactName: "Stabsstelle Integration",
  ...demoTownHall,
};

/** Members of the Fachgruppe Zuwanderung from the offices that hold the figures. */
const administration: [string, string, string, string][] = [
  ["Frau", "Sevda", "Arslan", "Ausländerbehörde"],
  ["Herr", "Pavel", "Novák", "Statistikstelle"],
  ["Frau", "Claudia", "Weber", "Jobcenter"],
];

export const demoPeople: DemoPerson[] = [
  { key: "mayor", formOfAddress: "Frau", title: "Dr.", givenName: "Katharina", familyName: "Brenner", organisation: "Oberbürgermeisterin" },
  { key: "secretary", formOfAddress: "Herr", givenName: "Jonas", familyName: "Albrecht", organisation: "Stabsstelle Integration" },
  ...councillors.map(toPerson("councillor")),
  ...foreignResidents.map(toPerson("resident")),
  ...repatriates.map(toPerson("repatriate")),
  ...expertCitizens.map((row, index) => ({ ...toPerson("expert")(row, index), organisation: row[3] })),
  ...deputyNames.map(toPerson("deputy")),
  ...administration.map(([formOfAddress, givenName, familyName, organisation], index) => ({
    key: `staff${index + 1}`,
    formOfAddress,
    givenName,
    familyName,
    organisation,
  })),
];

export const demoCommittees = {
  beirat: {
    name: "Integrationsbeirat",
    shortName: "IBR",
    kind: "advisory_council" as const,
    description: "Berät Gemeinderat und Verwaltung in allen Fragen der Integration. Amtszeit vier Jahre; tagt öffentlich.",
    constitutedOn: "2025-01-22",
    term: { name: "Amtszeit Integrationsbeirat 2025–2028", startDate: "2025-01-01", endDate: "2028-12-31" },
  },
  ausschuss: {
    name: "Integrationsausschuss",
    shortName: "IA",
    kind: "advisory_committee" as const,
    description: "Beratender Ausschuss des Gemeinderats; wird nach jeder Kommunalwahl neu gebildet.",
    constitutedOn: "2024-07-24",
    term: { name: "Wahlperiode 2024–2029", startDate: "2024-07-01", endDate: "2029-06-30" },
  },
  fachgruppe: {
    name: "Fachgruppe Zuwanderung",
    shortName: "FGZ",
    kind: "working_group" as const,
    description:
      "Interne Arbeitsgruppe der Verwaltung: stellt die Zahlen der Zuwanderung zusammen, prüft sie und bereitet den " +
      "Integrationsbericht vor. Tagt nicht öffentlich.",
    constitutedOn: "2016-03-01",
    term: { name: "Fachgruppe Zuwanderung", startDate: "2016-03-01", endDate: null },
  },
};

const keys = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

export const demoSeats: DemoSeat[] = [
  // Integrationsbeirat: 33 members.
  { committee: "beirat", person: "mayor", role: "chair", seatCategory: "Oberbürgermeisterin" },
  ...keys("councillor", 10).map(
    (person, index): DemoSeat => ({
      committee: "beirat",
      person,
      role: index === 0 ? "deputy_chair" : "member",
      seatCategory: "Gemeinderat",
    }),
  ),
  ...keys("resident", 17).map(
    (person): DemoSeat => ({ committee: "beirat", person, role: "member", seatCategory: "ausländische Einwohner" }),
  ),
  ...keys("repatriate", 5).map((person): DemoSeat => ({ committee: "beirat", person, role: "member", seatCategory: "Spätaussiedler" })),
  { committee: "beirat", person: "secretary", role: "minute_taker", seatCategory: null },

  // Integrationsausschuss: 10 councillors and 9 expert citizens, each with a personal deputy.
  ...keys("councillor", 10).map(
    (person, index): DemoSeat => ({
      committee: "ausschuss",
      person,
      role: index === 2 ? "chair" : "member",
      seatCategory: "Gemeinderat",
    }),
  ),
  ...expertCitizens.map(
    ([, , , organisation], index): DemoSeat => ({
      committee: "ausschuss",
      person: `expert${index + 1}`,
      role: "member",
      seatCategory: "sachkundige Einwohner",
      onBehalfOf: organisation,
    }),
  ),
  ...keys("deputy", 19).map(
    (person, index): DemoSeat => ({
      committee: "ausschuss",
      person,
      role: "deputy",
      seatCategory: index < 10 ? "Gemeinderat" : "sachkundige Einwohner",
      deputyFor: index < 10 ? `councillor${index + 1}` : `expert${index - 9}`,
    }),
  ),
  { committee: "ausschuss", person: "secretary", role: "minute_taker", seatCategory: null },

  // Fachgruppe Zuwanderung: the integration office and the offices that hold the figures.
  { committee: "fachgruppe", person: "secretary", role: "chair", seatCategory: "Stabsstelle Integration" },
  ...keys("staff", 3).map((person): DemoSeat => ({ committee: "fachgruppe", person, role: "member", seatCategory: "Verwaltung" })),
];
