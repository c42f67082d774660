/** How staff pages, reports and the PDF name each kind of meeting held with families. */
import type { MeetingKind } from '../db/schema';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  panel_meeting: 'Parent and carer panel meeting',
  maternity_voices: 'Maternity Voices Partnership',
  parent_carer_forum: 'Parent Carer Forum',
  focus_group: 'Focus group',
  community_consultation: 'Community consultation',
  outreach_event: 'Outreach event',
};

/** "Focus group", for any kind string (an unknown one as written). */
export const meetingKindLabel = (kind: string): string => MEETING_KIND_LABELS[kind as MeetingKind] ?? kind;

/** "a focus group", for "From a focus group on 3 November 2026". */
export function meetingKindPhrase(kind: string): string {
  const label = meetingKindLabel(kind);
  const lower = /^(Parent|Maternity)/.test(label) ? label.replace(/^Parent and carer/, 'parent and carer') : label.toLowerCase();
  return `${/^[aeiou]/i.test(lower) ? 'an' : 'a'} ${lower}`;
}

/** 3 November 2026, from YYYY-MM-DD. */
export const heldOnInWords = (heldOn: string): string =>
  new Date(`${heldOn}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
