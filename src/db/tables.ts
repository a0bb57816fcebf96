// The database's tables as TypeScript types: what Kysely checks every query against.
// Times are epoch milliseconds (bigint in PostgreSQL, integer in SQLite); flags are 0/1 integers.
import type { Generated, Kysely } from "kysely";
import type { ApiKeyScope, Role } from "../core/roles.js";
import type { Channel, TouchpointStatus } from "../core/journeys/model.js";
import type { EmotionCode } from "../core/emotions.js";
import type { BondSegment } from "../core/metrics/response-scores.js";

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  language: string | null;
  created_at: number;
  updated_at: number;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: Role;
  created_at: number;
}

export interface InvitationsTable {
  id: string;
  organisation_id: string;
  token_hash: string;
  role: Role;
  email: string | null;
  created_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: string;
  organisation_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scope: ApiKeyScope;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface SignInFailuresTable {
  id: string;
  subject: string;
  at: number;
}

export interface AuditEventsTable {
  id: string;
  organisation_id: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  details: string | null;
  at: number;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
}

/** A customer journey. name_key is the normalised name (core/journeys nameKey), unique among live journeys. */
export interface JourneysTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string;
  scope: string;
  persona_name: string | null;
  persona_description: string | null;
  language: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

/** A stage of a journey; position is dense (0…n−1) among the journey's live stages. */
export interface StagesTable {
  id: string;
  organisation_id: string;
  journey_id: string;
  name: string;
  name_key: string;
  description: string;
  position: number;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

/** A touchpoint; position is dense among its stage's live touchpoints; modules is a comma list. */
export interface TouchpointsTable {
  id: string;
  organisation_id: string;
  journey_id: string;
  stage_id: string;
  name: string;
  name_key: string;
  description: string;
  channel: Channel;
  customer_need: string;
  customer_expectation: string;
  owner_user_id: string | null;
  modules: string;
  moment_of_truth: number;
  moment_of_truth_reason: string;
  target_nps: number | null;
  target_csat: number | null;
  target_ces: number | null;
  status: TouchpointStatus;
  position: number;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface FormsTable {
  id: string;
  organisation_id: string;
  touchpoint_id: string;
  /** The short code of the public link, /f/<code>. */
  public_code: string;
  variant: string;
  /** The current configuration (JSON). */
  config: string;
  version: number;
  is_open: number;
  created_at: number;
  updated_at: number;
}

export interface FormVersionsTable {
  organisation_id: string;
  form_id: string;
  version: number;
  config: string;
  content_hash: string;
  created_by: string | null;
  created_at: number;
}

export interface ResponsesTable {
  id: string;
  organisation_id: string;
  journey_id: string;
  stage_id: string;
  touchpoint_id: string;
  form_version: number;
  dedupe_key: string;
  variant: string;
  source: string;
  placement: string | null;
  language: string | null;
  device_class: string | null;
  emotion: string | null;
  emotion_2: string | null;
  intensity: number | null;
  csat: number | null;
  brand_love: number | null;
  ces: number | null;
  usefulness: number | null;
  nps: number | null;
  comment: string | null;
  customer_ref: string | null;
  order_ref: string | null;
  channel: string | null;
  store: string | null;
  /** JSON object of the brand's own `m_*` fields. */
  hidden_fields: string | null;
  started_at: number;
  emotion_at: number | null;
  csat_at: number | null;
  ces_at: number | null;
  nps_at: number | null;
  comment_at: number | null;
  completed_at: number | null;
  completion_ms: number | null;
  created_at: number;
  updated_at: number;
}

export interface IngestionDropsTable {
  organisation_id: string;
  touchpoint_id: string;
  /** Days since the epoch (UTC). */
  day: number;
  reason: string;
  count: number;
}

type Nps = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
type UpTo5 = 1 | 2 | 3 | 4 | 5;
type UpTo7 = UpTo5 | 6 | 7;
type Valence = Nps | 11 | 12;

/** A counter of a rollup row: the flattened MetricsAggregate (see db/queries/rollups.ts for the order). */
export type RollupCounterColumn =
  | "responses"
  | "completed"
  | "completion_timed"
  | "completion_s_sum"
  | "completion_s_squares"
  | `nps_${Nps}`
  | `csat_${UpTo5}`
  | `ces_${UpTo7}`
  | `usefulness_${UpTo7}`
  | `brand_love_${UpTo7}`
  | `valence_${Valence}`
  | `emotion_${EmotionCode}_${1 | 2 | 3}`
  | `bond_${BondSegment}`;

/** The rollup key: organisation × touchpoint × UTC day × source × language ("" when unknown). */
export interface RollupKeyColumns {
  organisation_id: string;
  touchpoint_id: string;
  /** Days since the epoch (UTC) of the response's started_at. */
  day: number;
  source: string;
  language: string;
}

export type RollupsTable = RollupKeyColumns & Record<RollupCounterColumn, number>;

/** Responses per CX value of a rollup key: cx = 36 · CX index (an integer 0 … 3600). */
export interface RollupCxTable extends RollupKeyColumns {
  cx: number;
  count: number;
}

/**
 * A coarse rollup row: an organisation's touchpoint over one UTC day or one calendar month (source and
 * language folded in), its counters and CX histogram packed in `data` (db/queries/rollup-spans.ts).
 */
export interface RollupSpansTable {
  organisation_id: string;
  grain: "day" | "month";
  /** The span's first UTC day number. */
  start: number;
  touchpoint_id: string;
  data: string;
}

/** A batch's rollup deltas not folded into the rollup tables yet (db/queries/rollup-journal.ts). */
export interface RollupJournalTable {
  seq: Generated<number>;
  payload: string;
}

// Text analysis and voice of the customer (migration 0005-text, docs/text-analysis.md, docs/import.md).
// JSON documents are text on both databases.

export interface VoiceImportsTable {
  id: string;
  organisation_id: string;
  kind: "voice" | "nps" | "delighted";
  format: "csv" | "jsonl" | "json";
  status: "waiting" | "running" | "completed" | "failed" | "interrupted";
  touchpoint_id: string | null;
  file_name: string | null;
  bytes_total: number | null;
  bytes_read: number;
  rows_read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  progress: number | null;
  /** JSON { rejections: [{ row, code, field? }], truncated, error? }. */
  report: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface VoiceItemsTable {
  id: string;
  organisation_id: string;
  import_id: string | null;
  source: string;
  touchpoint_id: string | null;
  journey_id: string | null;
  stage_id: string | null;
  text: string;
  at: number;
  day: number;
  rating: number | null;
  rating_max: number | null;
  author_ref: string | null;
  url: string | null;
  external_id: string | null;
  language: string | null;
  dedupe_key: string;
  created_at: number;
}

export interface TextAnalysesTable {
  /** The response's or voice item's id. */
  id: string;
  organisation_id: string;
  kind: "response" | "voice";
  response_id: string | null;
  voice_item_id: string | null;
  touchpoint_id: string | null;
  journey_id: string | null;
  stage_id: string | null;
  at: number;
  day: number;
  source: string;
  language: string | null;
  sentiment: string;
  sentiment_score: number;
  /** JSON [{ code, score }], inferred. */
  emotions: string;
  /** JSON [{ code, score, sentiment, matches }]. */
  topics: string;
  /** JSON ["phrase"]. */
  key_phrases: string;
  /** JSON [{ start, end, kind, code? }]. */
  highlights: string;
  analyser_version: string;
  model: string;
  source_updated_at: number;
  analysed_at: number;
}

export interface TextTopicsTable {
  text_id: string;
  topic: string;
  organisation_id: string;
  touchpoint_id: string | null;
  journey_id: string | null;
  day: number;
  source: string;
  language: string | null;
  sentiment: string;
  sentiment_score: number;
  relevance: number;
}

export interface TextEmotionsTable {
  text_id: string;
  emotion: string;
  organisation_id: string;
  score: number;
}

export interface TextModelsTable {
  id: string;
  organisation_id: string;
  scope: "organisation" | "journey" | "touchpoint";
  scope_id: string;
  status: "queued" | "training" | "ready" | "failed" | "superseded";
  progress: number;
  trained_on: number;
  held_back: number;
  /** JSON { accuracy, macroF1, binaryAccuracy, perClass }. */
  quality: string | null;
  model: string | null;
  analyser_version: string;
  error: string | null;
  created_by: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

export interface Tables {
  instance_settings: InstanceSettingsTable;
  users: UsersTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  sign_in_failures: SignInFailuresTable;
  audit_events: AuditEventsTable;
  journeys: JourneysTable;
  stages: StagesTable;
  touchpoints: TouchpointsTable;
  forms: FormsTable;
  form_versions: FormVersionsTable;
  responses: ResponsesTable;
  ingestion_drops: IngestionDropsTable;
  rollups: RollupsTable;
  rollup_cx: RollupCxTable;
  rollup_spans: RollupSpansTable;
  rollup_journal: RollupJournalTable;
  voice_imports: VoiceImportsTable;
  voice_items: VoiceItemsTable;
  text_analyses: TextAnalysesTable;
  text_topics: TextTopicsTable;
  text_emotions: TextEmotionsTable;
  text_models: TextModelsTable;
}

export type Kdb = Kysely<Tables>;
