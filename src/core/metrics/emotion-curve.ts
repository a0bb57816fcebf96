// The measured emotion curve of a journey (METHOD.md §5): per stage, in journey order, the mean
// emotional valence and the NES of its touchpoints' responses, each with its interval.
import { mergeCounts, emptyValenceCounts, type ValenceCounts } from "./aggregate.js";
import { defaultLevel } from "./intervals.js";
import { scoreEmotionalValence, scoreNes, visibilityOf, type MeanScore, type NesScore, type Visibility } from "./scores.js";

export interface StageValence {
  stageId: string;
  /** Valence counts of each of the stage's touchpoints (or one merged count). */
  touchpoints: readonly ValenceCounts[];
}

export interface EmotionCurvePoint {
  stageId: string;
  n: number;
  visibility: Visibility;
  /** Mean EV, −1 … +1, with its t interval. */
  valence: MeanScore;
  nes: NesScore;
}

/** The emotion curve: one point per stage, in the order given (the journey's order). */
export function emotionCurve(stages: readonly StageValence[], level = defaultLevel): EmotionCurvePoint[] {
  return stages.map((stage) => {
    const valence = stage.touchpoints.reduce<ValenceCounts>((sum, counts) => mergeCounts(sum, counts), emptyValenceCounts());
    const mean = scoreEmotionalValence(valence, level).mean;
    return { stageId: stage.stageId, n: mean.n, visibility: visibilityOf(mean.n), valence: mean, nes: scoreNes(valence, level) };
  });
}
