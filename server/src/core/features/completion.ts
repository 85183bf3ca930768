import type { CompletionResult, DocumentSnapshot, FeatureEnv } from './types.js';
import { snippetCompletions } from './snippets.js';
import { agencyCompletions } from './agencies.js';
import { citationCompletions } from './citations.js';

type CompletionProvider = (document: DocumentSnapshot, offset: number, env: FeatureEnv) => CompletionResult[];

/** Completion providers; their items are merged. */
const providers: CompletionProvider[] = [(document, offset) => snippetCompletions(document, offset), agencyCompletions, citationCompletions];

export function completionsAt(document: DocumentSnapshot, offset: number, env: FeatureEnv): CompletionResult[] {
  return providers.flatMap((provide) => provide(document, offset, env));
}
