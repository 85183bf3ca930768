/**
 * The number and symbol of a document as the front matter writes it ("530/TB-VPCP",
 * "19/2026/NĐ-CP", a draft "…/TB-VPCP"): NĐ 30/2020, Phụ lục I, Phần I, II.3.
 */
export interface NumberSymbol {
  /** "530", or "" / "…" for a draft whose number is not assigned yet. */
  number: string;
  year?: string;
  typeCode: string;
  issuerCode: string;
  draft: boolean;
}

const SYMBOL = /^(\d{1,6}|…|\.\.\.|)\/(?:(\d{4})\/)?([\p{L}\d]+)-([\p{L}\d]+(?:-[\p{L}\d]+)*)$/u;

export function parseNumberSymbol(value: string): NumberSymbol | undefined {
  const match = SYMBOL.exec(value);
  if (!match) return undefined;
  const number = match[1]!;
  const result: NumberSymbol = { number, typeCode: match[3]!, issuerCode: match[4]!, draft: number === '' || number === '…' || number === '...' };
  if (match[2]) result.year = match[2];
  return result;
}
