/** Plain words for a flag's urgency, status and categories, shared by the queue and the flag page. */
export { categoriesInWords } from '../../alerts';

export function urgencyTag(urgency: string): { text: string; tone: 'red' | 'yellow' } {
  return urgency === 'immediate' ? { text: 'Present risk: review now', tone: 'red' } : { text: 'Past risk: review today', tone: 'yellow' };
}

export function statusTag(status: string): { text: string; tone: 'blue' | 'grey' | 'green' } {
  return status === 'open' ? { text: 'Not yet reviewed', tone: 'blue' } : status === 'in_review' ? { text: 'In review', tone: 'grey' } : { text: 'Closed', tone: 'green' };
}
