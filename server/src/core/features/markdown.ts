/**
 * The one escape for strings that reach Markdown (hovers, completion
 * documentation) from the workspace, the registry or the notice: every ASCII
 * punctuation character is backslash-escaped (CommonMark renders each as
 * itself), so no image, link, autolink ("https\://", "www\."), HTML or
 * emphasis can come from data; line breaks become spaces so no block
 * (heading, list, quote) starts inside a value.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/gu, ' ').replace(/[!-/:-@[-`{-~]/gu, (ch) => `\\${ch}`);
}
