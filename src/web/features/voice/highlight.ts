// Cuts a customer's text into plain and highlighted pieces from the analyser's spans (UTF-16
// offsets), so the dashboard renders text nodes and <mark> elements and never parses the text as markup.

export interface HighlightSpan {
  start: number;
  end: number;
  /** What the words are (e.g. "topic", "negative"); where spans overlap, the earlier tone in `priority` wins. */
  tone?: string;
}

export interface TextPiece {
  text: string;
  marked: boolean;
  tone: string | null;
  /** Offset of the piece in the original text: a stable React key. */
  start: number;
}

/**
 * The text as consecutive pieces, marked where a span covers it. Spans may overlap, come in any order
 * or reach past the text (an analysis of an older version): they are clipped, overlaps take the tone
 * listed first in `priority`, and a span that would split a surrogate pair (an emoji) is widened to
 * keep the character whole. Adjacent pieces of the same tone are joined.
 */
export function highlightPieces(text: string, spans: readonly HighlightSpan[], priority: readonly string[] = []): TextPiece[] {
  const length = text.length;
  const rank = (tone: string | undefined) => {
    const index = priority.indexOf(tone ?? "");
    return index === -1 ? priority.length : index;
  };
  // One slot per UTF-16 unit: the rank of the tone covering it (lower wins), or -1 when none.
  const cover = new Int32Array(length).fill(-1);
  const tones: Array<string | null> = [...priority, null];
  const extra = new Map<string, number>();
  for (const span of spans) {
    let start = Math.max(0, Math.min(length, Math.floor(span.start)));
    let end = Math.max(0, Math.min(length, Math.ceil(span.end)));
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) continue;
    if (isLowSurrogate(text, start)) start -= 1;
    if (isLowSurrogate(text, end)) end += 1;
    let r = rank(span.tone);
    if (r === priority.length && span.tone) {
      // A tone outside the priority list still gets its own slot, after the listed ones.
      if (!extra.has(span.tone)) {
        extra.set(span.tone, tones.length);
        tones.push(span.tone);
      }
      r = extra.get(span.tone)!;
    }
    for (let i = start; i < end; i += 1) if (cover[i] === -1 || r < cover[i]!) cover[i] = r;
  }

  const pieces: TextPiece[] = [];
  let at = 0;
  while (at < length) {
    const r = cover[at]!;
    let next = at + 1;
    while (next < length && cover[next] === r) next += 1;
    const tone = r === -1 ? null : (tones[r] ?? null);
    pieces.push({ text: text.slice(at, next), marked: r !== -1, tone, start: at });
    at = next;
  }
  if (length === 0) pieces.push({ text: "", marked: false, tone: null, start: 0 });
  return pieces;
}

/** True when offset `i` falls between the two halves of a surrogate pair. */
function isLowSurrogate(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  const before = text.charCodeAt(i - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}
