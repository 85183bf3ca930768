/**
 * The one escape for strings that reach Markdown (hovers, completion
 * documentation) from the workspace, the registry or the notice: the ASCII
 * punctuation that opens Markdown syntax is backslash-escaped (CommonMark
 * renders each as itself), so no image, link, HTML or emphasis can come from
 * data, while "12/KH-BCA" stays as written; line breaks become spaces so no
 * block starts inside a value.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/gu, ' ').replace(/[\\`*_{}[\]()<>!#|~&]/gu, (ch) => `\\${ch}`);
}
