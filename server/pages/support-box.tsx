/**
 * The help box after a possible disclosure, on the thank-you page: who to call, in the family's
 * language. It never repeats what the family wrote. (The widget draws the same lines more tersely
 * in widget/components/widget-view.tsx, within its 10 KB.)
 */
import type { Support } from '../../survey/support';

export function SupportBox({ support }: { support: Support }) {
  return (
    <section class="help" aria-labelledby="help-title">
      <h2 id="help-title">{support.title}</h2>
      <p>{support.intro}</p>
      <ul>
        {support.lines.map((line) => (
          <li key={line.href}>
            <strong>{line.name}</strong> <a href={line.href}>{line.number}</a>
            {line.note && <span>{line.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
