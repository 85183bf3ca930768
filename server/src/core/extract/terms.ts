import type { Knowledge, Term } from '../../knowledge/types.js';
import type { NoticeModel } from '../model.js';
import type { Span } from '../types.js';
import { isWordUnit, matchKey, normalizedView, viewIndexAtOrAfter, type NormalizedView } from '../text.js';

/**
 * Official terms found in the body prose, matched insensitively to case,
 * Unicode form and tone-mark placement through one prebuilt trie:
 * - `exact`: the term itself, in whatever case it was written (typo/capitalization reads it);
 * - `split`: the term with one stray space inside one of its syllables, "Nghị đ ịnh" (typo/split-word).
 */
export interface TermMention extends Span {
  term: Term;
  /** The official text (agency names included, for split words). */
  official: string;
  kind: 'exact' | 'split';
  /** For `split`: the stray whitespace inside the syllable. */
  gap?: Span;
  /**
   * Original spans of the term's letters, one per character of the official
   * form without its spaces (a letter written decomposed spans several code units).
   */
  letters: Span[];
}

interface Entry {
  term: Term;
  official: string;
  kind: 'exact' | 'split';
  /** Index in the matched key of the inserted space, for split entries. */
  splitAt: number;
}

interface TrieNode {
  /** By UTF-16 unit: the prose is walked by unit without making a string of each character. */
  next: Map<number, TrieNode>;
  entry?: Entry;
}

const tries = new WeakMap<Knowledge, TrieNode>();

/** Agency names take part in split-word matching only; their case belongs to agency/spelling. */
const AGENCY_TERM: Omit<Term, 'text'> = { kind: 'title', always: false };

function buildTrie(knowledge: Knowledge): TrieNode {
  const root: TrieNode = { next: new Map() };
  const insert = (key: string, entry: Entry) => {
    let node = root;
    for (let k = 0; k < key.length; k++) {
      const unit = key.charCodeAt(k);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    // An exact form never yields to a split variant of another term.
    if (!node.entry || (node.entry.kind === 'split' && entry.kind === 'exact')) node.entry = entry;
  };
  const add = (term: Term, official: string, exact: boolean) => {
    const key = matchKey(official);
    if (!key.includes(' ')) return; // one syllable gives no context: too easy to hit by accident
    if (exact) insert(key, { term, official, kind: 'exact', splitAt: -1 });
    let offset = 0;
    for (const syllable of key.split(' ')) {
      for (let cut = 1; cut < syllable.length; cut++) {
        const at = offset + cut;
        insert(`${key.slice(0, at)} ${key.slice(at)}`, { term, official, kind: 'split', splitAt: at });
      }
      offset += syllable.length + 1;
    }
  };
  for (const term of knowledge.terms) add(term, term.text, true);
  for (const agency of knowledge.agencies) add({ text: agency.name, ...AGENCY_TERM }, agency.name, false);
  return root;
}

function trieOf(knowledge: Knowledge): TrieNode {
  let trie = tries.get(knowledge);
  if (!trie) tries.set(knowledge, (trie = buildTrie(knowledge)));
  return trie;
}

/** `view` is the normalized view of the whole prose; matching starts at the body (the front matter is blank in the prose). */
export function extractTerms(model: NoticeModel, knowledge: Knowledge, view: NormalizedView = normalizedView(model.prose)): TermMention[] {
  const root = trieOf(knowledge);
  const { prose, text } = model;
  const mentions: TermMention[] = [];
  const chars = view.text;
  let i = viewIndexAtOrAfter(view, model.body.start);
  while (i < chars.length) {
    if (!isWordUnit(chars.charCodeAt(i)) || (i > 0 && isWordUnit(chars.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let node: TrieNode | undefined = root;
    let best: { entry: Entry; end: number } | undefined;
    for (let j = i; j < chars.length && node; j++) {
      node = node.next.get(chars.charCodeAt(j));
      if (node?.entry && !(j + 1 < chars.length && isWordUnit(chars.charCodeAt(j + 1)))) best = { entry: node.entry, end: j + 1 };
    }
    if (!best) {
      i++;
      continue;
    }
    const mention = toMention(view, i, best.end, best.entry, text, prose);
    if (mention) {
      mentions.push(mention);
      i = best.end;
    } else i++;
  }
  return mentions;
}

function toMention(view: NormalizedView, from: number, to: number, entry: Entry, text: string, prose: string): TermMention | undefined {
  const start = view.originalStart[from]!;
  const end = view.originalEnd[to - 1]!;
  // Whitespace of the prose must be whitespace of the text: a match may not run across blanked markup or list markers.
  for (let k = start; k < end; k++) if (/\s/u.test(prose[k]!) && !/\s/u.test(text[k]!)) return undefined;
  // Nor across a blank line, from one block into the next.
  if (/\n[ \t]*\r?\n/u.test(text.slice(start, end))) return undefined;
  const letters: Span[] = [];
  let gap: Span | undefined;
  for (let k = from; k < to; k++) {
    if (view.text[k] === ' ') {
      if (k - from === entry.splitAt) gap = { start: view.originalStart[k]!, end: view.originalEnd[k]! };
      continue;
    }
    letters.push({ start: view.originalStart[k]!, end: view.originalEnd[k]! });
  }
  const mention: TermMention = { start, end, term: entry.term, official: entry.official, kind: entry.kind, letters };
  if (gap) mention.gap = gap;
  return mention;
}

