// How a journey template is written: structure once (channels, modules, moments of truth, targets),
// texts per language (Spanish first), so the three languages can never drift apart in shape.
import type { Language } from "../../i18n/languages.js";
import type { Channel, ExperientialModule, Targets } from "../model.js";

export interface TouchpointText {
  name: string;
  /** What the customer needs here, in their words. */
  need: string;
  /** What they expect to happen. */
  expectation: string;
  /** Why it is a moment of truth (only for moments of truth). */
  reason?: string;
}

export interface TouchpointTemplate {
  channel: Channel;
  modules: ExperientialModule[];
  momentOfTruth?: boolean;
  targets?: Partial<Targets>;
  text: Record<Language, TouchpointText>;
}

export interface StageText {
  name: string;
  description: string;
}

export interface StageTemplate {
  text: Record<Language, StageText>;
  touchpoints: TouchpointTemplate[];
}

export interface JourneyText {
  name: string;
  description: string;
  scope: string;
  persona: { name: string; description: string };
}

export interface JourneyTemplate {
  /** Stable key used in the API (?template=ecommerce_purchase). */
  key: string;
  industry: Record<Language, string>;
  text: Record<Language, JourneyText>;
  stages: StageTemplate[];
}
