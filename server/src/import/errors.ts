import type { Msg } from '../core/types.js';

/** A source file that cannot be read as a document: the reason is one line, for the drafter, in both languages. */
export class ImportReadError extends Error {
  constructor(readonly reason: Msg) {
    super(reason.en);
  }
}
