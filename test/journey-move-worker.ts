// A separate process that moves touchpoints in a SQLite file, so a test can prove that several app
// processes writing one journey at once keep positions dense (begin immediate serialises them).
// Usage: tsx test/journey-move-worker.ts FILE ORG_ID JOURNEY_ID SEED COUNT
import { connect } from "../src/db/connect.js";
import { moveTouchpoint } from "../src/db/queries/journey-map.js";
import { getJourneyBoard } from "../src/db/queries/journeys.js";

const [file, organisationId, journeyId, seedText, countText] = process.argv.slice(2) as [string, string, string, string, string];
const db = connect({ dialect: "sqlite", file });
let seed = Number(seedText) >>> 0;
const next = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const board = (await getJourneyBoard(db.kysely, organisationId, journeyId, { includeArchived: false }))!;
const ids = board.touchpoints.map((t) => t.id);
const stageIds = board.stages.map((s) => s.id);
let ok = 0;
for (let i = 0; i < Number(countText); i++) {
  const outcome = await moveTouchpoint(
    db,
    journeyId,
    ids[Math.floor(next() * ids.length)]!,
    { stageId: stageIds[Math.floor(next() * stageIds.length)], position: Math.floor(next() * 6) },
    { organisationId, actor: { userId: null, apiKeyId: null }, now: 3 },
  );
  if (outcome.ok) ok++;
}
await db.close();
process.stdout.write(JSON.stringify({ ok }));
