/** The frame of every workspace page: the portal's layout, the workspace's own navigation, and its breadcrumbs. */
import type { Child } from "hono/jsx";
import { Layout } from "../components/layout";
import { m } from "../messages";
import { type Scope, scoped } from "../kit/urls";

export type WorkspaceArea = "overview" | "people" | "committees" | "papers" | "meetings" | "resolutions" | "plan" | "outbox" | "documents";

const AREAS: { key: WorkspaceArea; path: string }[] = [
  { key: "overview", path: "/verwaltung" },
  { key: "people", path: "/verwaltung/personen" },
  { key: "committees", path: "/verwaltung/gremien" },
  { key: "papers", path: "/verwaltung/vorlagen" },
  { key: "meetings", path: "/verwaltung/sitzungen" },
  { key: "resolutions", path: "/verwaltung/beschluesse" },
  { key: "plan", path: "/verwaltung/plan" },
  { key: "outbox", path: "/verwaltung/postausgang" },
  { key: "documents", path: "/verwaltung/dokumente" },
];

export function WorkspaceLayout(props: {
  title: string;
  scope: Scope;
  area: WorkspaceArea;
  /** The pages between the area and this one: [{ text, href }], the last without href. */
  trail?: { text: string; href?: string }[];
  children?: Child;
}) {
  const area = AREAS.find((a) => a.key === props.area)!;
  const trail = props.trail ?? [];
  const breadcrumbs = [
    { text: m.workspace.title, href: "/verwaltung" },
    ...(props.area === "overview" ? [] : [{ text: m.workspace.areas[props.area], ...(trail.length ? { href: area.path } : {}) }]),
    ...trail,
  ];
  return (
    <Layout title={props.title} scope={props.scope} section="workspace" breadcrumbs={breadcrumbs}>
      <nav class="workspace-nav" aria-label={m.workspace.nav}>
        <ul class="inline-links">
          {AREAS.map((entry) => (
            <li>
              <a href={scoped(entry.path, props.scope)} {...(entry.key === props.area ? { "aria-current": "page" } : {})}>
                {m.workspace.areas[entry.key]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </Layout>
  );
}
