// Runs in a worker thread: trains one learned text model and measures it on held-back responses, so
// that training (seconds of CPU for thousands of comments) never holds up the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { analyseText, labelFromSentimentScore, scoreClassification, serialiseTextModel, trainTextModel, type TextExample } from "../../core/text/index.js";

interface Input {
  train: TextExample[];
  heldBack: TextExample[];
  seed: number;
}

const input = workerData as Input;
parentPort!.postMessage({ progress: 0.3 });
const model = trainTextModel(input.train, { seed: input.seed });
parentPort!.postMessage({ progress: 0.8 });
// The model and, for comparison, the lexicon alone on the same held-back responses. Macro-F1 averages
// over the classes present in the held-back labels (a brand whose customers never answer neutral has
// no neutral class to score).
const gold: string[] = [];
const learned: string[] = [];
const lexicon: string[] = [];
for (const example of input.heldBack) {
  const label = example.label ?? (example.score !== undefined ? labelFromSentimentScore(example.score) : undefined);
  if (!label) continue;
  gold.push(label);
  learned.push(analyseText(example.text, { model }).sentiment.label);
  lexicon.push(analyseText(example.text).sentiment.label);
}
const classes = [...new Set(gold)].sort();
const scored = scoreClassification(gold, learned, classes);
const baseline = scoreClassification(gold, lexicon, classes);
parentPort!.postMessage({
  done: true,
  model: serialiseTextModel(model),
  quality: { accuracy: scored.accuracy, macroF1: scored.macroF1, lexiconAccuracy: baseline.accuracy, lexiconMacroF1: baseline.macroF1, classes, perClass: scored.perClass },
});
