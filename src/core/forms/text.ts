// How free text typed by people (comments, brand wording, hidden field values) is cleaned before it
// is counted, stored or compared. Cleaning never removes markup: text is always rendered as text.

/** Length in Unicode code points, the unit of every text limit: "😀" counts 1, not 2 as in UTF-16. */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Replaces unpaired UTF-16 surrogates (invalid in UTF-8 and refused by PostgreSQL) with U+FFFD. */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

// C0 controls except tab and newline, DEL, and C1 controls.
const controlsExceptTabAndNewline = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const allControls = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Multi-line text (a comment, a thank-you text): unpaired surrogates become U+FFFD, CRLF, CR and the
 * Unicode line/paragraph separators become "\n", control characters other than newline and tab are
 * removed, the result is NFC-normalised and trimmed. `<b>` and `<script>` stay exactly as typed.
 */
export function normaliseMultilineText(text: string): string {
  return replaceLoneSurrogates(text)
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(controlsExceptTabAndNewline, "")
    .normalize("NFC")
    .trim();
}

/**
 * Single-line text (a name, a question, a hidden field value): like normaliseMultilineText, but
 * line breaks and tabs become spaces and runs of white space collapse to one.
 */
export function normaliseSingleLineText(text: string): string {
  return replaceLoneSurrogates(text)
    .replace(/[\r\n\t\u2028\u2029]/g, " ")
    .replace(allControls, "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}
