// Cuts a customer's text into plain and highlighted pieces from the analyser's spans (UTF-16
// offsets), so the dashboard renders text nodes and <mark> elements and never parses the text as markup.

export interface HighlightSpan {
  start: number;
  end: number;
}

export interface TextPiece {
  text: string;
  marked: boolean;
  /** Offset of the piece in the original text: a stable React key. */
  start: number;
}

/**
 * The text as consecutive pieces, marked where a span covers it. Spans may overlap, come in any order
 * or reach past the text (an analysis of an older version): they are clipped and merged, and a span
 * that would split a surrogate pair (an emoji) is widened to keep the character whole.
 */
export function highlightPieces(text: string, spans: readonly HighlightSpan[]): TextPiece[] {
  const length = text.length;
  const clean = spans
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(length, Math.floor(start))), end: Math.max(0, Math.min(length, Math.ceil(end))) }))
    .filter(({ start, end }) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .map(({ start, end }) => ({ start: isLowSurrogate(text, start) ? start - 1 : start, end: isLowSurrogate(text, end) ? end + 1 : end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);

  const merged: HighlightSpan[] = [];
  for (const span of clean) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }

  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), marked: false, start: at });
    pieces.push({ text: text.slice(span.start, span.end), marked: true, start: span.start });
    at = span.end;
  }
  if (at < length || length === 0) pieces.push({ text: text.slice(at), marked: false, start: at });
  return pieces;
}

/** True when offset `i` falls between the two halves of a surrogate pair. */
function isLowSurrogate(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  const before = text.charCodeAt(i - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}
