// Which learned model analyses a text that carries no scores of its own: the organisation's most
// specific ready model (touchpoint, then journey, then organisation). Parsed models are cached; the
// list of ready models per organisation is re-read every few seconds, so a model trained by another
// app server is picked up without a restart. Models never cross organisations: the lookup is by the
// text's own organisation id, and a model row belongs to exactly one.
import type { TextModel } from "../../core/text/index.js";
import { loadTextCore } from "./analyser.js";
import { listReadyModels, readModelBlob } from "../../db/queries/text-models.js";
import type { Kdb } from "../../db/tables.js";

export interface ChosenModel {
  id: string;
  model: TextModel;
}

interface OrgModels {
  readAt: number;
  models: Array<{ id: string; scope: string; scope_id: string }>;
}

export class ModelRegistry {
  private readonly orgs = new Map<string, OrgModels>();
  private readonly parsed = new Map<string, TextModel>();

  constructor(
    private readonly db: Kdb,
    private readonly refreshMs = 5000,
  ) {}

  /** Forget what is known of an organisation (after training, so the new model applies at once). */
  forget(organisationId: string): void {
    this.orgs.delete(organisationId);
  }

  async choose(organisationId: string, place: { touchpointId: string | null; journeyId: string | null }): Promise<ChosenModel | null> {
    let entry = this.orgs.get(organisationId);
    if (!entry || Date.now() - entry.readAt > this.refreshMs) {
      entry = { readAt: Date.now(), models: await listReadyModels(this.db, organisationId) };
      this.orgs.set(organisationId, entry);
      if (this.orgs.size > 5000) this.orgs.delete(this.orgs.keys().next().value!);
    }
    const pick =
      entry.models.find((m) => m.scope === "touchpoint" && m.scope_id === place.touchpointId) ??
      entry.models.find((m) => m.scope === "journey" && m.scope_id === place.journeyId) ??
      entry.models.find((m) => m.scope === "organisation");
    if (!pick) return null;
    let model = this.parsed.get(pick.id);
    if (!model) {
      const blob = await readModelBlob(this.db, organisationId, pick.id);
      if (!blob) return null;
      model = (await loadTextCore()).parseTextModel(blob);
      if (this.parsed.size >= 50) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(pick.id, model);
    }
    return { id: pick.id, model };
  }
}
