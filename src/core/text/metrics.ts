// Accuracy and macro-F1 (METHOD.md §7): how text analysis quality is measured, by the eval script
// and for a learned model's held-back responses.

export interface ClassificationScores {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

/** Scores predictions against gold labels; macro-F1 averages over `classes` (default: the gold labels seen). */
export function scoreClassification(gold: readonly string[], predicted: readonly string[], classes?: readonly string[]): ClassificationScores {
  if (gold.length !== predicted.length) throw new Error("gold and predicted differ in length");
  const labels = classes ?? [...new Set(gold)].sort();
  const perClass: ClassificationScores["perClass"] = {};
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  let f1Sum = 0;
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === label;
      const p = predicted[i] === label;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support: tp + fn };
    f1Sum += f1;
  }
  return { n: gold.length, accuracy: gold.length === 0 ? 0 : correct / gold.length, macroF1: labels.length === 0 ? 0 : f1Sum / labels.length, perClass };
}
