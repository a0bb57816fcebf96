// Analysing imported voice items: in the import's own batch (so an accepted item is analysed when the
// import reports it), and again when the analyser changes or the organisation's model improves.
import { loadAnalyser } from "./analyser.js";
import type { Database } from "../../db/connect.js";
import { writeTransaction } from "../../db/dialect.js";
import { analysisRows, storeAnalyses, type AnalysisRows } from "../../db/queries/text.js";
import { getVoiceItems, type VoiceItemRow } from "../../db/queries/voice.js";
import type { Kdb } from "../../db/tables.js";
import type { ModelRegistry } from "./model-registry.js";

/** Texts analysed between two turns given to other work (about 5–10 ms of CPU). */
export const yieldEvery = 50;

/** Analyses voice items with the most specific learned model of their organisation, else the lexicon. */
export async function analyseVoiceItems(registry: ModelRegistry | null, items: VoiceItemRow[], now: number): Promise<AnalysisRows[]> {
  if (items.length === 0) return [];
  const { analyseForStorage, analyserVersion } = await loadAnalyser();
  const version = analyserVersion();
  const rows: AnalysisRows[] = [];
  for (const [index, item] of items.entries()) {
    if (index > 0 && index % yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
    const chosen = registry ? await registry.choose(item.organisation_id, { touchpointId: item.touchpoint_id, journeyId: item.journey_id }) : null;
    const language = item.language === "es" || item.language === "en" || item.language === "pt" ? item.language : undefined;
    const stored = analyseForStorage(item.text, { model: chosen?.model, language });
    rows.push(
      analysisRows(
        {
          id: item.id,
          organisationId: item.organisation_id,
          kind: "voice",
          touchpointId: item.touchpoint_id,
          journeyId: item.journey_id,
          stageId: item.stage_id,
          at: item.at,
          source: item.source,
          sourceUpdatedAt: 0,
        },
        stored,
        version,
        chosen?.id ?? "lexicon",
        now,
      ),
    );
  }
  return rows;
}

/** Re-analyses the voice items with these ids; returns how many. */
export async function reanalyseVoiceItems(database: Database, registry: ModelRegistry | null, ids: string[], now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const items = await getVoiceItems(database.kysely, ids);
  const rows = await analyseVoiceItems(registry, items, now);
  await writeTransaction(database, (trx: Kdb) => storeAnalyses(trx, rows));
  return rows.length;
}

/** Re-analyses every voice item of an organisation (after its learned model changed), in batches. */
export async function reanalyseOrganisationVoice(database: Database, registry: ModelRegistry | null, organisationId: string, now: () => number): Promise<number> {
  let after = "";
  let done = 0;
  for (;;) {
    const ids = await database.kysely
      .selectFrom("voice_items")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("id", ">", after)
      .orderBy("id")
      .limit(500)
      .execute();
    if (ids.length === 0) return done;
    after = ids[ids.length - 1]!.id;
    done += await reanalyseVoiceItems(database, registry, ids.map((r) => r.id), now());
    await new Promise((resolve) => setImmediate(resolve));
  }
}
