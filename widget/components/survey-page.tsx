/**
 * One page of a survey. Every page renders in one document (the surveys are short and this works
 * without JavaScript); a later page whose questions are all optional folds into a disclosure, so a
 * family in a hurry sees the feedback questions and the button without scrolling past "about you".
 */
import type { ComponentChildren } from 'preact';

export interface SurveyPageProps {
  id: string;
  title?: string | undefined;
  /** Fold the page into a <details> (open when it holds an answer or an error). */
  collapsible: boolean;
  open: boolean;
  children: ComponentChildren;
}

export function SurveyPage({ id, title, collapsible, open, children }: SurveyPageProps) {
  if (collapsible && title) {
    return (
      <details class="page" id={`page-${id}`} open={open}>
        <summary>{title}</summary>
        {children}
      </details>
    );
  }
  return (
    <section class="page" id={`page-${id}`} aria-labelledby={title ? `page-${id}-title` : undefined}>
      {title && <h2 id={`page-${id}-title`}>{title}</h2>}
      {children}
    </section>
  );
}
