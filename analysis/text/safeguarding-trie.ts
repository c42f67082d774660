/**
 * Rewrites alternations of plain words as tries: "(?:he|her|husband)" → "(?:h(?:e(?:r)?|usband))".
 * The engine tries alternatives one by one at every word, so a group of 80 words (every way to
 * name a child) cost 80 comparisons; as a trie it costs a few. The strings matched are the same.
 */
const STAR = '\u0000';
const LETTERS_STAR = '[^ |]*';
// A group whose alternatives are all plain text, each perhaps ending in "any letters".
const PLAIN_GROUP = /\(\?:((?:[^\\()[\]{}|*+?.^$]+(?:\[\^ \|\]\*)?\|)+[^\\()[\]{}|*+?.^$]+(?:\[\^ \|\]\*)?)\)/g;

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

function emit(node: TrieNode): string {
  const branches = [...node.next].map(([ch, child]) => (ch === STAR ? LETTERS_STAR : ch + emit(child)));
  if (branches.length === 0) return '';
  const body = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
  return node.end ? `${body.startsWith('(?:') ? body : `(?:${body})`}?` : body;
}

/** One alternation of words as a trie group, matching exactly the same strings. */
export function trieGroup(words: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word.replace(LETTERS_STAR, STAR)) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  return `(?:${emit(root)})`;
}

/** Every plain-word group in a pattern source as a trie (innermost groups; one pass suffices). */
export function trieAlternations(source: string): string {
  return source.replace(PLAIN_GROUP, (_, body: string) => trieGroup(body.replaceAll(LETTERS_STAR, STAR).split('|').map((w) => w.replace(STAR, LETTERS_STAR))));
}
