/** A source file that cannot be read as a document: the message is one line, for the drafter. */
export class ImportReadError extends Error {}
