import type { CompletionResult, DocumentSnapshot, FeatureEnv } from './types.js';

type CompletionProvider = (document: DocumentSnapshot, offset: number, env: FeatureEnv) => CompletionResult[];

/** Completion providers; their items are merged. */
const providers: CompletionProvider[] = [];

export function completionsAt(document: DocumentSnapshot, offset: number, env: FeatureEnv): CompletionResult[] {
  return providers.flatMap((provide) => provide(document, offset, env));
}
