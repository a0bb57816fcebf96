// Runs the server: validates config, opens the database, migrates, listens, and shuts down gracefully
// on SIGTERM/SIGINT (stop accepting, finish requests in flight, close the database).
import { connect } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import type { AppContext } from "./context.js";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const db = connect(config.database);
  const { applied } = await migrateToLatest(db);
  const ctx: AppContext = { db, config, clock: Date.now, ready: { value: true } };
  const app = await buildApp(ctx);
  if (applied.length > 0) app.log.info({ applied }, "database migrated");
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: config.databaseUrlForDisplay, baseUrl: config.baseUrl.href }, "Momentos is ready");

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      ctx.ready.value = false;
      app.log.info("shutting down: finishing requests in flight");
      // Idle keep-alive connections are closed as they become idle, so close() does not wait for them.
      const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweeper);
      }
      await db.close();
    })());

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      const timer = setTimeout(() => {
        app.log.error("shutdown took longer than 25 s; exiting");
        process.exit(1);
      }, 25_000);
      timer.unref();
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
  const address = app.server.address();
  const port = address && typeof address === "object" ? address.port : config.port;
  return { url: `http://127.0.0.1:${port}`, stop };
}
