// Who is using the dashboard: loads setup state and the session once, keeps the CSRF token (in
// api.ts), and owns the person-level actions (sign out, change language). The account's language
// wins when a session starts; a change of language while signed in is saved on the account.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Language } from "../core/i18n/languages.js";
import { api, ApiError, onUnauthenticated, type Organisation, type Session, type User } from "./api.js";
import { useI18n } from "./i18n.js";

export type SessionState =
  | { status: "loading" }
  | { status: "unreachable" }
  | { status: "setup" }
  | { status: "signed_out"; reason: "signed_out" | "expired" | null }
  | { status: "signed_in"; session: Session };

interface SessionApi {
  state: SessionState;
  /** Adopts a session the server just started (setup, sign-in, accepting an invitation). */
  start(session: Session): void;
  /** Reloads the person and their organisations (after creating or leaving one). */
  refresh(): Promise<Session | null>;
  reload(): void;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
  changeLanguage(language: Language): Promise<void>;
  updateUser(user: User): void;
}

const SessionContext = createContext<SessionApi | null>(null);
const lastOrganisationKey = "momentos.organisation";

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLanguage } = useI18n();
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const start = useCallback(
    (session: Session) => {
      if (session.user.language) setLanguage(session.user.language);
      setState({ status: "signed_in", session });
    },
    [setLanguage],
  );

  const load = useCallback(async () => {
    setState({ status: "loading" });
    try {
      const { needed } = await api.setupNeeded();
      if (needed) return setState({ status: "setup" });
      start(await api.getSession());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return setState({ status: "signed_out", reason: null });
      setState({ status: "unreachable" });
    }
  }, [start]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => onUnauthenticated(() => setState({ status: "signed_out", reason: "expired" })), []);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      start,
      reload: () => void load(),
      refresh: async () => {
        try {
          const session = await api.getSession();
          setState({ status: "signed_in", session });
          return session;
        } catch {
          return null;
        }
      },
      signOut: async () => {
        try {
          await api.signOut();
        } finally {
          setState({ status: "signed_out", reason: "signed_out" });
        }
      },
      signOutEverywhere: async () => {
        await api.signOutEverywhere();
        setState({ status: "signed_out", reason: "signed_out" });
      },
      changeLanguage: async (language) => {
        setLanguage(language);
        if (state.status !== "signed_in") return;
        const user = await api.updateAccount({ language });
        setState((current) => (current.status === "signed_in" ? { ...current, session: { ...current.session, user } } : current));
      },
      updateUser: (user) =>
        setState((current) => (current.status === "signed_in" ? { ...current, session: { ...current.session, user } } : current)),
    }),
    [state, start, load, setLanguage],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** The signed-in session; only for screens that render when signed in. */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== "signed_in") throw new Error("useSignedIn while not signed in");
  return state.session;
}

export function rememberOrganisation(id: string): void {
  try {
    window.localStorage.setItem(lastOrganisationKey, id);
  } catch {
    // not remembered; the first organisation is used next time
  }
}

/** The organisation to open: the last one visited if still a member, else the first. */
export function pickOrganisation(organisations: Organisation[]): Organisation | null {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(lastOrganisationKey);
  } catch {
    last = null;
  }
  return organisations.find((o) => o.id === last) ?? organisations[0] ?? null;
}
