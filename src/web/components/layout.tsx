/**
 * The page frame every HTML front end shares: skip link, header with navigation, breadcrumbs, main and footer,
 * after the GOV.UK Design System's patterns, in KERN UX's look. Pages pass their title, breadcrumbs and content.
 */
import { html, raw } from "hono/html";
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

/** ` aria-current="page"` on the link of the page's own section. */
const current = (on: boolean) => (on ? raw(' aria-current="page"') : "");

function navLink(href: string, text: string, on = false) {
  return html`<li><a class="site-nav__link" href="${href}"${current(on)}>${text}</a></li>`;
}

/**
 * The frame of every page, as an escaping `html` template rather than JSX: it is the same few dozen elements on
 * every page, and hono/jsx builds and walks a node per element (a fifth of the meeting page's rendering time).
 */
export function Layout({ title, scope, breadcrumbs, section, children }: LayoutProps) {
  const siteName = scope.body ? `${m.site.name} ${scope.body.shortName ?? scope.body.name}` : m.site.name;
  const meta = html`<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>`;
  const stylesheets = ["kern/kern.min.css", "kern/fonts/fira-sans.css", "gremium.css"].map(
    (file) => html`<link rel="stylesheet" href="${assetUrl(file)}"/>`,
  );
  const icon = html`<link rel="icon" href="/favicon.ico"/>`;
  const head = html`<head>${meta}<title>${documentTitle(title, siteName)}</title>${stylesheets}${icon}</head>`;
  const nav = [
    NAV.map((entry) => navLink(scoped(entry.path, scope), m.nav[entry.key], entry.key === section)),
    scope.role === "member" ? navLink("/mitglieder", m.members.title, section === "members") : "",
    scope.role === "secretariat" || scope.role === "admin" ? navLink("/verwaltung", m.workspace.title, section === "workspace") : "",
    navLink(scope.signedIn ? "/konto" : "/anmelden", scope.signedIn ? m.account.title : m.account.signIn),
  ];
  const home = html`<a class="site-header__name" href="${scoped("/", scope)}">${siteName}</a>`;
  const menu = html`<nav class="site-nav" aria-label="${m.site.mainNav}"><ul class="site-nav__list">${nav}</ul></nav>`;
  const header = html`<header class="site-header"><div class="site-header__inner">${home}${menu}</div></header>`;
  const legal = [
    LEGAL.map((entry) => html`<li><a href="${scoped(entry.path, scope)}">${m.legal[entry.key]}</a></li>`),
    html`<li><a href="/docs">${m.site.api}</a></li>`,
    html`<li><a href="/oparl/v1.1/system" hreflang="de" type="application/json">${m.site.oparl}</a></li>`,
  ];
  const footerNav = html`<nav aria-label="${m.site.footerNav}"><ul class="site-footer__list">${legal}</ul></nav>`;
  const poweredBy = html`<p class="site-footer__meta">${m.site.poweredBy}</p>`;
  const footer = html`<footer class="site-footer"><div class="site-footer__inner">${footerNav}${poweredBy}</div></footer>`;
  const trail = breadcrumbs && breadcrumbs.length > 0 ? breadcrumbTrail(breadcrumbs, scope) : "";
  const main = html`<main id="inhalt" tabindex="-1" class="page__main">${children}</main>`;
  const skip = html`<a class="skip-link" href="#inhalt">${m.site.skipLink}</a>`;
  const body = html`<body class="kern-body">${skip}${header}<div class="page">${trail}${main}</div>${footer}</body>`;
  return html`<html lang="de" data-kern-theme="light">${head}${body}</html>`;
}

/** The window title: the page, then the site, at most 70 characters (screen readers read it first). */
function documentTitle(title: string, siteName: string): string {
  const full = `${title} – ${siteName}`;
  if (full.length <= 70) return full;
  const room = 70 - siteName.length - 4;
  return room > 20 ? `${title.slice(0, room).trimEnd()}… – ${siteName}` : `${full.slice(0, 69).trimEnd()}…`;
}

function breadcrumbTrail(links: Link[], scope: Scope) {
  const crumb = (link: Link) =>
    html`<li class="breadcrumbs__item">${link.href ? html`<a href="${scoped(link.href, scope)}">${link.text}</a>` : link.text}</li>`;
  const home = html`<li class="breadcrumbs__item"><a href="${scoped("/", scope)}">${m.site.home}</a></li>`;
  const list = html`<ol class="breadcrumbs__list">${home}${links.map(crumb)}</ol>`;
  return html`<nav class="breadcrumbs" aria-label="${m.site.breadcrumbs}">${list}</nav>`;
}
