// What every route needs from the running instance: the database, the configuration and the clock.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/connect.js";
import type { Config } from "./config.js";

/** Milliseconds since the epoch; injected so that tests control time. */
export type Clock = () => number;

export interface AppContext {
  db: Database;
  config: Config;
  clock: Clock;
  /** Whether the app still accepts work (false while shutting down). */
  ready: { value: boolean };
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;
