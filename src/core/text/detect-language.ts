// Tells Spanish, English and Portuguese apart from function words and spelling cues.
// Written here because general detectors (franc-min, tinyld) were 3–6× too slow for the
// throughput target and are weak on short comments; we only need three languages.

import type { TextLanguage } from "./types.js";
import type { Token } from "./tokenise.js";

// Words frequent in one language and rare (as a word) in the other two, accent-folded.
const esWords = `no me gusto gusta gustan gusta el los las del al lo una por con para es pero sus le ya este esta estos estas entre cuando
  muy sin sobre tambien hasta hay donde quien desde todo todos nos durante uno les ni contra otros ese eso
  ante ellos esto antes algunos unos yo otro otra otras tanto esa mucho muchos nada poco ella estar algo
  nosotros mis tu tus usted ustedes fue estaba estuvo era eran han hemos habia son estan esta estaba tiene tenia
  mas porque pues asi aqui ahora siempre nunca solo bien bueno buena muy y hace hacer puede pueden cada mejor
  habitacion servicio personal comida atencion precio calidad pedido llego todavia aunque tambien gracias
  vez ser hotel lugar excelente limpio limpia sucio desayuno alberca playa muy genial estuvimos fuimos`;
const ptWords = `o os um uma com para nao sao seu sua seus suas ao na nos nas pelo pela pelos pelas mais mas ja ou
  muito muita muitos sem tambem ate onde quem tudo todos ele ela eles elas isso isto voce vc eu meu minha
  foi esta estava tem ter pra pro ne ta aqui me entao tao bem bom boa nada ainda agora sempre nunca so
  obrigado obrigada atendimento comida preco qualidade pedido chegou entrega loja hoje dia gente vai vou
  fazer faz pode podem cada melhor ficou fiquei quando porque tinha tive num numa dos das do da uns umas
  isso essa esse aquele aquela coisa ser muito otimo otima pessimo pessima demais legal pq tb tbm hj agr mim
  vcs voces dela dele deles eh vamo bora gente galera hoje amanha`;
const enWords = `the an and of to in is it that for on with as was at by this be are not have from or you your i my me
  we they he she his her our their has had were been will would can could just so do does did dont don't it's
  im i'm very what when there all if about no get got out up one more than then them which who an also
  service staff food price quality order arrived delivery great good bad terrible awesome thanks thank love
  hate customer flight hours hour still never always really it's can't cant won't wont didn't didnt isn't
  here where how why because these those some any other into over only after before being should there's
  that's what's let's i'll i've you're we're they're doesn't wasn't aren't haven't hasn't thing things
  people today tomorrow yesterday night morning week day`;

const weights = new Map<string, number[]>(); // norm → [es, en, pt]
function addWords(list: string, index: number): void {
  for (const w of list.split(/\s+/)) {
    if (!w) continue;
    const v = weights.get(w) ?? [0, 0, 0];
    v[index] = 1;
    weights.set(w, v);
  }
}
addWords(esWords, 0);
addWords(enWords, 1);
addWords(ptWords, 2);
// A word listed for two languages only tells those two from the third: half a vote each.
for (const v of weights.values()) {
  const n = v[0]! + v[1]! + v[2]!;
  if (n > 1) for (let i = 0; i < 3; i++) v[i] = v[i]! / (n * 1.5);
}

const order: TextLanguage[] = ["es", "en", "pt"];

/** Votes per language (es, en, pt) of one normalised word, from function words and spelling. */
function vote(word: string, votes: number[]): void {
  const v = weights.get(word);
  if (v) {
    votes[0]! += v[0]!;
    votes[1]! += v[1]!;
    votes[2]! += v[2]!;
    return;
  }
  if (word.length < 4) return;
  if (word.includes("ñ") || word.endsWith("cion") || word.endsWith("ciones") || word.endsWith("mente")) votes[0]! += 0.5;
  if (word.endsWith("ao") || word.endsWith("coes") || word.endsWith("oes") || word.includes("nh") || word.includes("lh")) votes[2]! += 0.5;
  if (word.endsWith("ito") || word.endsWith("ita") || word.endsWith("idad") || word.endsWith("aba")) votes[0]! += 0.3;
  if (word.endsWith("ing") || word.endsWith("tion") || word.endsWith("ly") || word.includes("th") || word.includes("w")) votes[1]! += 0.5;
  if (word.endsWith("mente") || word.endsWith("dade") || word.endsWith("vel")) votes[2]! += word.endsWith("mente") ? 0.3 : 0.5;
}

/**
 * Detects es/en/pt from tokens. Returns null when the text carries no evidence
 * (empty, only emoji, or words of none of the three).
 */
export function detectLanguageFromTokens(tokens: readonly Token[]): TextLanguage | null {
  return languageFromVotes(languageVotes(tokens));
}

/** The language with most votes (see languageVotes), or null below half a vote. */
export function languageFromVotes(votes: readonly number[]): TextLanguage | null {
  let best = -1;
  let bestVotes = 0;
  for (let i = 0; i < 3; i++) {
    if (votes[i]! > bestVotes) {
      bestVotes = votes[i]!;
      best = i;
    }
  }
  return best < 0 || bestVotes < 0.5 ? null : order[best]!;
}

/** The evidence for each language, in the order es, en, pt (about one per function word). */
export function languageVotes(tokens: readonly Token[]): [number, number, number] {
  const votes: [number, number, number] = [0, 0, 0];
  for (const t of tokens) if (t.kind === "word") vote(t.norm, votes);
  return votes;
}
