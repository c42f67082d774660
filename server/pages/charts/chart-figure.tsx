/** A chart with its caption, a key in words, and the same numbers as a table for screen readers and for copying. */
import type { ComponentChildren } from 'preact';

export interface ChartFigureProps {
  id: string;
  title: string;
  /** How to read the chart, shown under it: "Bars show…; the black line is the 95% interval." */
  note: string;
  /** The <table> with the chart's numbers. */
  table: ComponentChildren;
  children: ComponentChildren;
}

export function ChartFigure({ id, title, note, table, children }: ChartFigureProps) {
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {title}
      </figcaption>
      {children}
      <p class="hint chart-note">{note}</p>
      <details class="data">
        <summary>Show the numbers as a table</summary>
        <div class="scroll" role="region" aria-label={`${title}: table`} tabIndex={0}>
          {table}
        </div>
      </details>
    </figure>
  );
}
