import type { Locale, Msg } from './types.js';

/** Picks the text of one locale; Vietnamese is the default language of the product. */
export function localize(message: Msg, locale: Locale = 'vi'): string {
  return message[locale];
}
