/** Plain words for a flag's urgency, status and categories, shared by the queue and the flag page. */
export { categoriesInWords } from '../../alerts';

/** A closed flag asks nobody to act: it says what the flag read as, no longer "review now". */
export function urgencyTag(urgency: string, status: string): { text: string; tone: 'red' | 'yellow' | 'grey' } {
  if (status === 'closed') return { text: urgency === 'immediate' ? 'Read as a present risk' : 'Read as a past risk', tone: 'grey' };
  return urgency === 'immediate' ? { text: 'Present risk: review now', tone: 'red' } : { text: 'Past risk: review today', tone: 'yellow' };
}

export function statusTag(status: string): { text: string; tone: 'blue' | 'grey' | 'green' } {
  return status === 'open'
    ? { text: 'Not yet reviewed', tone: 'blue' }
    : status === 'in_review'
      ? { text: 'In review', tone: 'grey' }
      : { text: 'Closed', tone: 'green' };
}
