/** The result page of an all-or-nothing import in the workspace: every bad line and field, or what was done. */
import type { Child } from "hono/jsx";
import { Facts } from "../components/ui";
import type { Scope } from "../kit/urls";
import { m } from "../messages";
import { WorkspaceLayout } from "./layout";

export function ImportResultPage(props: {
  scope: Scope;
  title: string;
  /** The page the import came from, and the way back to it. */
  from: { text: string; href: string; back: string };
  result: { counts: [string, number][] } | { errors: { field: string; reason: string }[] };
  children?: Child;
}) {
  const { result, from } = props;
  const words = m.workspace.planDesk;
  return (
    <WorkspaceLayout
      title={props.title}
      scope={props.scope}
      area="plan"
      trail={[{ text: from.text, href: from.href }, { text: words.importResult }]}
    >
      <h1 class="kern-heading-large">{words.importResult}</h1>
      {"errors" in result ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header">
            <h2 class="kern-title">{words.importRefused(result.errors.length)}</h2>
          </div>
          <div class="kern-alert__body">
            <ul class="import-errors">
              {result.errors.map((e) => (
                <li>{`${e.field}: ${e.reason}`}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <Facts rows={result.counts.map(([label, count]) => [label, String(count)])} />
      )}
      <p>
        <a href={from.href}>{from.back}</a>
      </p>
    </WorkspaceLayout>
  );
}
