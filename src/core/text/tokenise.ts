// Splits a comment into words, emoji, emoticons and punctuation, keeping offsets so matches can be
// highlighted in the original text. One regex pass; normalised forms are lower-case and accent-folded.

export type TokenKind = "word" | "number" | "emoji" | "emoticon" | "break" | "url" | "mention";

export interface Token {
  /** Lower-cased, accent-folded (ñ kept), letter runs of 3+ collapsed ("buenooo" → "bueno"). */
  norm: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** Written in capitals (3+ letters), e.g. "TERRIBLE". */
  shout: boolean;
  /** Had a letter run of 3+ ("geniaaal"), or is followed by "!". */
  emphatic: boolean;
}

// Order matters: URLs before emoticons (":/" in "https://"), emoticons before words ("xD").
const tokenPattern = new RegExp(
  [
    String.raw`(?<url>https?:\/\/\S+|www\.\S+)`,
    String.raw`(?<mention>@[\p{L}\p{N}_]+)`,
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])(?:[<>]?[:;=][\-o*'^]?[)\]([dDpP\/\\|3@oO*]+|[)\](\/\\|][\-o*']?[:;=](?![\p{L}\p{N}])|<\/?3+|\^_*\^|[xX][dD]+(?![\p{L}\p{N}])|T_T|:'\(|u_u))`,
    String.raw`(?<word>#?[\p{L}\p{M}]+(?:['’][\p{L}]+)*)`,
    String.raw`(?<number>\p{N}+(?:[.,]\p{N}+)*)`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{EMod})*)`,
    String.raw`(?<brk>[.!?¡¿,;:…()\[\]"“”«»\n|/–—-]+)`,
  ].join("|"),
  "gu",
);

const foldMap: Record<string, string> = {
  á: "a", à: "a", â: "a", ã: "a", ä: "a",
  é: "e", è: "e", ê: "e", ë: "e",
  í: "i", ì: "i", î: "i", ï: "i",
  ó: "o", ò: "o", ô: "o", õ: "o", ö: "o",
  ú: "u", ù: "u", û: "u", ü: "u",
  ç: "c", "’": "'",
};
const foldPattern = /[áàâãäéèêëíìîïóòôõöúùûüç’]/g;
const elongation = /(\p{L})\1{2,}/gu;
const laughter = /^(?:(?:j+[aeiou]+){2,}j*|(?:[aeiou]?h+[aeiou]+){2,}h*|k{4,}|(?:rs){2,}|lol+|lmao+|xd+)$/;
const upper = /^[\p{Lu}\p{M}'’]{3,}$/u;

/** Lower-case and fold accents (á→a, ç→c, keeps ñ), as lexicons are written. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return foldPattern.test(lower) ? lower.replace(foldPattern, (ch) => foldMap[ch] ?? ch) : lower;
}

/** Tokenise a text. Pure and linear in its length. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = tokenPattern.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const g = m.groups!;
    if (g.word !== undefined) {
      let word = raw.charCodeAt(0) === 35 /* # */ ? raw.slice(1) : raw;
      const shout = upper.test(word);
      word = foldText(word);
      let emphatic = false;
      elongation.lastIndex = 0;
      if (elongation.test(word)) {
        word = word.replace(elongation, "$1");
        emphatic = true;
      }
      if (laughter.test(word)) word = "jaja";
      tokens.push({ norm: word, kind: "word", start, end, shout, emphatic });
    } else if (g.brk !== undefined) {
      if (raw.includes("!") && tokens.length > 0) tokens[tokens.length - 1]!.emphatic = true;
      tokens.push({ norm: raw.includes("\n") ? "." : raw, kind: "break", start, end, shout: false, emphatic: false });
    } else if (g.emoji !== undefined) {
      tokens.push({ norm: raw.replace(/\uFE0F/g, ""), kind: "emoji", start, end, shout: false, emphatic: false });
    } else if (g.emoticon !== undefined) {
      tokens.push({ norm: raw.toLowerCase(), kind: "emoticon", start, end, shout: false, emphatic: false });
    } else if (g.number !== undefined) {
      tokens.push({ norm: raw, kind: "number", start, end, shout: false, emphatic: false });
    } else if (g.url !== undefined) {
      tokens.push({ norm: "", kind: "url", start, end, shout: false, emphatic: false });
    } else {
      tokens.push({ norm: "", kind: "mention", start, end, shout: false, emphatic: false });
    }
  }
  return tokens;
}
