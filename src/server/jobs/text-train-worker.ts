// Runs in a worker thread: trains one learned text model and measures it on held-back responses, so
// that training (seconds of CPU for thousands of comments) never holds up the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { analyseText, evaluateTextModel, scoreClassification, sentimentLabels, serialiseTextModel, trainTextModel, labelFromSentimentScore, type TextExample } from "../../core/text/index.js";

interface Input {
  train: TextExample[];
  heldBack: TextExample[];
  seed: number;
}

const input = workerData as Input;
parentPort!.postMessage({ progress: 0.3 });
const model = trainTextModel(input.train, { seed: input.seed });
parentPort!.postMessage({ progress: 0.8 });
const learned = evaluateTextModel(model, input.heldBack);
// The lexicon alone on the same held-back responses, so the admin sees what the model adds.
const gold: string[] = [];
const predicted: string[] = [];
for (const example of input.heldBack) {
  const label = example.label ?? (example.score !== undefined ? labelFromSentimentScore(example.score) : undefined);
  if (!label) continue;
  gold.push(label);
  predicted.push(analyseText(example.text).sentiment.label);
}
const lexicon = scoreClassification(gold, predicted, sentimentLabels);
parentPort!.postMessage({
  done: true,
  model: serialiseTextModel(model),
  quality: { accuracy: learned.accuracy, macroF1: learned.macroF1, lexiconAccuracy: lexicon.accuracy, lexiconMacroF1: lexicon.macroF1, perClass: learned.perClass },
});
