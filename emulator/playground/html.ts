/**
 * HTML escaping for everything the playground server writes into markup (the Fidelity page, error pages): user
 * text, cell values, card text and file contents all pass through `escapeHtml` before they meet a tag. The page's
 * own script has the same function for what it builds in the browser.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}
