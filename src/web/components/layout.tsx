/**
 * The page frame every HTML front end shares: skip link, header with navigation, breadcrumbs, main and footer,
 * after the GOV.UK Design System's patterns, in KERN UX's look. Pages pass their title, breadcrumbs and content.
 */
import type { Child } from "hono/jsx";
import { m } from "../messages";
import { assetUrl, type Link, type Scope, scoped } from "../kit/urls";

export interface LayoutProps {
  title: string;
  scope: Scope;
  breadcrumbs?: Link[];
  /** The main navigation entry of the page, marked as the current one. */
  section?: keyof typeof m.nav | "members" | "workspace";
  children?: Child;
}

const NAV: { key: keyof typeof m.nav; path: string }[] = [
  { key: "meetings", path: "/sitzungen" },
  { key: "committees", path: "/gremien" },
  { key: "papers", path: "/vorlagen" },
  { key: "resolutions", path: "/beschluesse" },
  { key: "minutes", path: "/niederschriften" },
  { key: "plan", path: "/integrationsplan" },
  { key: "search", path: "/suche" },
];

const LEGAL: { key: keyof typeof m.legal; path: string }[] = [
  { key: "accessibility", path: "/barrierefreiheit" },
  { key: "easyLanguage", path: "/leichte-sprache" },
  { key: "signLanguage", path: "/gebaerdensprache" },
  { key: "imprint", path: "/impressum" },
  { key: "privacy", path: "/datenschutz" },
];

export function Layout({ title, scope, breadcrumbs, section, children }: LayoutProps) {
  const siteName = scope.body ? `${m.site.name} ${scope.body.shortName ?? scope.body.name}` : m.site.name;
  return (
    <html lang="de" data-kern-theme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(title, siteName)}</title>
        <link rel="stylesheet" href={assetUrl("kern/kern.min.css")} />
        <link rel="stylesheet" href={assetUrl("kern/fonts/fira-sans.css")} />
        <link rel="stylesheet" href={assetUrl("gremium.css")} />
        <link rel="icon" href="/favicon.ico" />
      </head>
      <body class="kern-body">
        <a class="skip-link" href="#inhalt">
          {m.site.skipLink}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__name" href={scoped("/", scope)}>
              {siteName}
            </a>
            <nav class="site-nav" aria-label={m.site.mainNav}>
              <ul class="site-nav__list">
                {NAV.map((entry) => (
                  <li>
                    <a
                      class="site-nav__link"
                      href={scoped(entry.path, scope)}
                      {...(entry.key === section ? { "aria-current": "page" } : {})}
                    >
                      {m.nav[entry.key]}
                    </a>
                  </li>
                ))}
                {scope.role === "member" ? (
                  <li>
                    <a class="site-nav__link" href="/mitglieder" {...(section === "members" ? { "aria-current": "page" } : {})}>
                      {m.members.title}
                    </a>
                  </li>
                ) : null}
                {scope.role === "secretariat" || scope.role === "admin" ? (
                  <li>
                    <a class="site-nav__link" href="/verwaltung" {...(section === "workspace" ? { "aria-current": "page" } : {})}>
                      {m.workspace.title}
                    </a>
                  </li>
                ) : null}
                <li>
                  <a class="site-nav__link" href={scope.signedIn ? "/konto" : "/anmelden"}>
                    {scope.signedIn ? m.account.title : m.account.signIn}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <div class="page">
          {breadcrumbs && breadcrumbs.length > 0 ? <Breadcrumbs links={breadcrumbs} scope={scope} /> : null}
          <main id="inhalt" tabindex={-1} class="page__main">
            {children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="site-footer__inner">
            <nav aria-label={m.site.footerNav}>
              <ul class="site-footer__list">
                {LEGAL.map((entry) => (
                  <li>
                    <a href={scoped(entry.path, scope)}>{m.legal[entry.key]}</a>
                  </li>
                ))}
                <li>
                  <a href="/docs">{m.site.api}</a>
                </li>
                <li>
                  <a href="/oparl/v1.1/system" hreflang="de" type="application/json">
                    {m.site.oparl}
                  </a>
                </li>
              </ul>
            </nav>
            <p class="site-footer__meta">{m.site.poweredBy}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The window title: the page, then the site, at most 70 characters (screen readers read it first). */
function documentTitle(title: string, siteName: string): string {
  const full = `${title} – ${siteName}`;
  if (full.length <= 70) return full;
  const room = 70 - siteName.length - 4;
  return room > 20 ? `${title.slice(0, room).trimEnd()}… – ${siteName}` : `${full.slice(0, 69).trimEnd()}…`;
}

function Breadcrumbs({ links, scope }: { links: Link[]; scope: Scope }) {
  return (
    <nav class="breadcrumbs" aria-label={m.site.breadcrumbs}>
      <ol class="breadcrumbs__list">
        <li class="breadcrumbs__item">
          <a href={scoped("/", scope)}>{m.site.home}</a>
        </li>
        {links.map((link) => (
          <li class="breadcrumbs__item">{link.href ? <a href={scoped(link.href, scope)}>{link.text}</a> : link.text}</li>
        ))}
      </ol>
    </nav>
  );
}
