import type { Agency, Province } from '../../../knowledge/types.js';
import { agencyIndex, nameInForm, type AgencyIndex } from '../../agencyIndex.js';
import type { AgencyMention } from '../../extract/agencies.js';
import type { RuleContext } from '../../rule.js';

export function indexOf(context: RuleContext): AgencyIndex {
  return agencyIndex(context.knowledge, context.config);
}

/** "2025-02-28" → "28/02/2025", for messages. */
export function isoToVietnamese(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The day after an ISO date: the first day without the entry. */
export function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The successors of an agency in the form the mention used ("Tài chính" in a list, "Bộ Tài chính" elsewhere). */
export function successorNames(index: AgencyIndex, agency: Agency, mention: AgencyMention): string[] {
  return agency.successors.flatMap((id) => {
    const successor = index.agencyById.get(id);
    return successor ? [nameInForm(successor, mention.form)] : [];
  });
}

export function provinceSuccessors(index: AgencyIndex, province: Province): Province[] {
  return province.successors.flatMap((id) => {
    const successor = index.provinceById.get(id);
    return successor ? [successor] : [];
  });
}

export const quoteList = (names: string[], and: string) =>
  names.length <= 1 ? names.map((name) => `“${name}”`).join('') : `${names.slice(0, -1).map((name) => `“${name}”`).join(', ')} ${and} “${names[names.length - 1]}”`;
