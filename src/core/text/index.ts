// Public surface of text analysis: analyse a comment, train and store a brand's own model, measure quality.

export * from "./types.js";
export { analyseText, labelFromScore, sentimentThresholds, emotionFloor } from "./analyse-text.js";
export type { AnalyseOptions } from "./analyse-text.js";
export { detectLanguageFromTokens } from "./detect-language.js";
export { tokenise, foldText } from "./tokenise.js";
export type { Token } from "./tokenise.js";
export {
  trainTextModel,
  predictWithModel,
  evaluateTextModel,
  serialiseTextModel,
  parseTextModel,
  labelFromSentimentScore,
} from "./text-model.js";
export type { TextModel, TextExample, TrainOptions, ModelPrediction } from "./text-model.js";
export { scoreClassification } from "./metrics.js";
export type { ClassificationScores } from "./metrics.js";
