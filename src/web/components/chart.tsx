/**
 * A chart of `documents/charts` as inline SVG: named by its title, described by its summary, with its data as a
 * table below it. The PDF draws the same geometry.
 */
import type { Chart, Mark } from "../../documents/charts";
import { m } from "../messages";
import { Table } from "./ui";

function MarkElement({ mark }: { mark: Mark }) {
  switch (mark.kind) {
    case "path":
      return (
        <path
          d={mark.d}
          fill={mark.fill ?? "none"}
          {...(mark.stroke ? { stroke: mark.stroke, "stroke-width": String(mark.strokeWidth ?? 1) } : {})}
          {...(mark.dash ? { "stroke-dasharray": mark.dash.join(" ") } : {})}
        />
      );
    case "rect":
      return (
        <rect
          x={String(mark.x)}
          y={String(mark.y)}
          width={String(mark.width)}
          height={String(mark.height)}
          fill={mark.fill}
          {...(mark.stroke ? { stroke: mark.stroke, "stroke-width": String(mark.strokeWidth ?? 1) } : {})}
        />
      );
    case "text":
      return (
        <text
          x={String(mark.x)}
          y={String(mark.y)}
          font-size={String(mark.size)}
          text-anchor={mark.anchor}
          {...(mark.bold ? { "font-weight": "bold" } : {})}
        >
          {mark.text}
        </text>
      );
  }
}

/** Only the drawing, e.g. a progress bar in a table cell, named by `label`. */
export function ChartSvg({ chart, label }: { chart: Chart; label: string }) {
  return (
    <svg class="chart__svg" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={label}>
      {chart.marks.map((mark) => (
        <MarkElement mark={mark} />
      ))}
    </svg>
  );
}

/**
 * A chart with its title, its summary in words and its data as a table. `name` is the chart's full name where its
 * title relies on a heading around it ("Verlauf" under a figure's name). On a narrow screen the drawing keeps a
 * readable size and scrolls sideways in its own region, which the keyboard reaches; the summary and the table reflow.
 */
export function ChartFigure({ chart, id, name = chart.title }: { chart: Chart; id: string; name?: string }) {
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption class="chart__title" id={`${id}-title`}>
        {chart.title}
      </figcaption>
      <section class="chart__scroll" tabindex={0} aria-label={`${m.report.chart}: ${name}`}>
        <svg
          class="chart__svg chart__svg--wide"
          viewBox={`0 0 ${chart.width} ${chart.height}`}
          role="img"
          aria-label={name}
          aria-describedby={`${id}-summary`}
        >
          {chart.marks.map((mark) => (
            <MarkElement mark={mark} />
          ))}
        </svg>
      </section>
      <p class="chart__summary" id={`${id}-summary`}>
        {chart.summary}
      </p>
      <details class="chart__data">
        <summary>{m.report.dataTable}</summary>
        <Table label={`${m.report.data}: ${name}`} heads={chart.table.heads} rows={chart.table.rows} />
      </details>
    </figure>
  );
}
