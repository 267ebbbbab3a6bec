/**
 * The default texts of the pages every public portal needs (BITV 2.0 and L-BGG Baden-Württemberg: accessibility
 * statement, Leichte Sprache and sign language; DDG and GDPR: imprint and privacy), in Markdown, naming the body.
 * A body replaces any of them with its own text (services/body-pages.ts).
 */
export const PAGE_KEYS = ["accessibility", "easyLanguage", "signLanguage", "imprint", "privacy"] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

export function defaultPageText(key: PageKey, bodyName: string): string {
  const name = bodyName;
  switch (key) {
    case "accessibility":
      return `# Erklärung zur Barrierefreiheit

${name} ist bemüht, dieses Informationsangebot im Einklang mit dem Landes-Behindertengleichstellungsgesetz
Baden-Württemberg (L-BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei
zugänglich zu machen.

## Stand der Vereinbarkeit mit den Anforderungen

Die Seiten sind mit den Anforderungen der WCAG 2.1 auf Stufe AA (EN 301 549) weitgehend vereinbar. Sie werden
bei jeder Änderung automatisch mit axe-core und im Browser geprüft: mit der Tastatur, bei 320 Pixel Breite und
ohne JavaScript.

## Nicht barrierefreie Inhalte

- Die PDF-Dokumente (Einladungen, Niederschriften, Vorlagen) sind keine getaggten PDF-Dateien. Ihre Inhalte
  stehen jeweils auch als barrierefreie HTML-Seite zur Verfügung.
- Anlagen zu Vorlagen stammen oft von Dritten und sind nicht immer barrierefrei.

## Feedback und Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns: Geschäftsstelle des Gremiums,
${name}. Wir antworten innerhalb von zwei Wochen.

## Durchsetzungsverfahren

Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle bei der Beauftragten der
Landesregierung für die Belange von Menschen mit Behinderungen in Baden-Württemberg wenden.
`;
    case "easyLanguage":
      return `# Informationen in Leichter Sprache

Diese Internet-Seite ist von: ${name}.
Hier finden Sie Informationen über die Gremien.

Ein Gremium ist eine Gruppe von Menschen.
Die Gruppe trifft sich.
Die Gruppe spricht über wichtige Dinge in der Stadt.
Die Gruppe entscheidet über diese Dinge.

Auf dieser Internet-Seite finden Sie:

- Wann sich die Gremien treffen.
  Das Treffen heißt: **Sitzung**.
- Worüber die Gremien sprechen.
  Das steht in der **Tages-Ordnung**.
- Was die Gremien entschieden haben.
  Das heißt: **Beschluss**.
- Was die Stadt für gutes Zusammen-Leben tut.
  Das steht im **Integrations-Plan**.

Viele Sitzungen sind öffentlich.
Das bedeutet: Sie dürfen hingehen und zuhören.

Sie haben eine Frage?
Dann schreiben Sie an die Geschäfts-Stelle von den Gremien.
`;
    case "signLanguage":
      return `# Informationen in Deutscher Gebärdensprache

Hier stellt ${name} die wichtigsten Informationen zu den Gremien, ihren Sitzungen und diesem Angebot in
Deutscher Gebärdensprache bereit.

Das Video wird gerade erstellt. Bis dahin helfen Ihnen die [Informationen in Leichter Sprache](/leichte-sprache)
weiter, oder Sie schreiben der Geschäftsstelle der Gremien.
`;
    case "imprint":
      return `# Impressum

Herausgeber dieses Informationsangebots ist ${name}.

Verantwortlich für den Inhalt ist die Geschäftsstelle der Gremien. Die Anschrift, die vertretungsberechtigte
Person und die Kontaktdaten trägt die Kommune hier ein.
`;
    case "privacy":
      return `# Datenschutz

Dieses Informationsangebot setzt keine Cookies, lädt nichts von fremden Servern und verwendet kein JavaScript.
Verantwortlich ist: ${name}.

Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten (Adresse, Zeit, aufgerufene Seite),
um die Seite auszuliefern. Sie werden nicht mit anderen Daten zusammengeführt.

Die Namen der Mitglieder der Gremien und ihre Funktion werden veröffentlicht, weil die Gemeindeordnung
Baden-Württemberg die Öffentlichkeit der Sitzungen vorsieht. Kontaktdaten werden nie veröffentlicht.
`;
  }
}
