// The pages inside an organisation (/app/o/:orgId/<path>) and where they sit in the sidebar.
// A feature adds itself here: a page under features/<area>/, a path, the permission it needs and,
// if it is a destination, a nav entry in its section. Sections without pages are not shown.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { MessageKey } from "../core/i18n/messages.js";
import { roleCan, type Permission, type Role } from "../core/roles.js";
import type { Organisation } from "./api.js";
import { matchPath } from "./router.js";
import type { IconName } from "./ui/icon.js";

/**
 * A page loaded on first use: each page (with what only it imports) is its own chunk, so the first
 * screen downloads only the shell and the page it shows (docs/dashboard.md, "Bundle"). `preload`
 * starts the download early, e.g. while the session is still being asked for.
 */
type LazyPage = LazyExoticComponent<ComponentType<OrgPageProps>> & { preload(): Promise<unknown> };
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType<OrgPageProps>>>, name: K): LazyPage {
  let loading: Promise<{ default: ComponentType<OrgPageProps> }> | null = null;
  const preload = () => (loading ??= load().then((module) => ({ default: module[name] })));
  return Object.assign(lazy(preload), { preload });
}

const OverviewPage = lazyPage(() => import("./features/overview/overview-page.js"), "OverviewPage");
const MembersPage = lazyPage(() => import("./features/members/members-page.js"), "MembersPage");
const ApiKeysPage = lazyPage(() => import("./features/api-keys/api-keys-page.js"), "ApiKeysPage");
const FormPage = lazyPage(() => import("./features/forms/form-page.js"), "FormPage");
const JourneysPage = lazyPage(() => import("./features/journeys/journeys-page.js"), "JourneysPage");
const NewJourneyPage = lazyPage(() => import("./features/journeys/new-journey-page.js"), "NewJourneyPage");
const JourneyBoardPage = lazyPage(() => import("./features/journeys/journey-board-page.js"), "JourneyBoardPage");
const VoicePage = lazyPage(() => import("./features/voice/voice-page.js"), "VoicePage");
const VoiceImportPage = lazyPage(() => import("./features/voice/import-page.js"), "ImportPage");
const VoiceModelsPage = lazyPage(() => import("./features/voice/models-page.js"), "ModelsPage");
const PrioritiesPage = lazyPage(() => import("./features/insights/priorities-page.js"), "PrioritiesPage");
const TouchpointInsightsPage = lazyPage(() => import("./features/insights/touchpoint-page.js"), "TouchpointInsightsPage");
const ComparePage = lazyPage(() => import("./features/insights/compare-page.js"), "ComparePage");

export type NavSection = "home" | "journeys" | "measure" | "insights" | "act" | "organisation";

/** Sidebar order; `label` heads the group (the home group has none). */
export const navSections: Array<{ id: NavSection; label: MessageKey | null }> = [
  { id: "home", label: null },
  { id: "journeys", label: "nav.section.journeys" },
  { id: "measure", label: "nav.section.measure" },
  { id: "insights", label: "nav.section.insights" },
  { id: "act", label: "nav.section.act" },
  { id: "organisation", label: "nav.section.organisation" },
];

export interface OrgPageProps {
  organisation: Organisation;
  params: Record<string, string>;
}

export interface OrgPage {
  /** Below /app/o/:orgId, e.g. "members" or "journeys/:journeyId"; "" is the organisation's home. */
  path: string;
  title: MessageKey;
  /** What the member's role needs (core/roles.ts); the page is hidden and refused without it. */
  permission: Permission;
  nav?: { section: NavSection; icon: IconName };
  /** Lazy (lazyPage): render it inside a Suspense boundary. */
  Component: LazyPage;
}

export const orgPages: OrgPage[] = [
  { path: "", title: "nav.overview", permission: "read", nav: { section: "home", icon: "home" }, Component: OverviewPage },
  { path: "journeys", title: "nav.journeys", permission: "read", nav: { section: "journeys", icon: "route" }, Component: JourneysPage },
  { path: "journeys/new", title: "nav.journeys", permission: "configure", Component: NewJourneyPage },
  { path: "journeys/:journeyId", title: "nav.journeys", permission: "read", Component: JourneyBoardPage },
  { path: "insights/priorities", title: "insights.priorities.title", permission: "read", nav: { section: "insights", icon: "gauge" }, Component: PrioritiesPage },
  { path: "insights/touchpoints/:touchpointId", title: "insights.touchpoint.title", permission: "read", Component: TouchpointInsightsPage },
  { path: "insights/compare", title: "insights.compare.title", permission: "read", nav: { section: "insights", icon: "chart" }, Component: ComparePage },
  // What customers say: text analytics of comments and imported opinions; importing and learned models for admins.
  { path: "voice", title: "nav.voice", permission: "read", nav: { section: "insights", icon: "sparkle" }, Component: VoicePage },
  { path: "voice/import", title: "voice.import.title", permission: "configure", Component: VoiceImportPage },
  { path: "voice/models", title: "voice.models.title", permission: "configure", Component: VoiceModelsPage },
  { path: "members", title: "nav.members", permission: "read", nav: { section: "organisation", icon: "users" }, Component: MembersPage },
  { path: "api-keys", title: "nav.apiKeys", permission: "configure", nav: { section: "organisation", icon: "key" }, Component: ApiKeysPage },
  // A touchpoint's form (settings, preview, sharing); the journey board links each touchpoint here.
  { path: "touchpoints/:touchpointId/form", title: "formPage.title", permission: "read", Component: FormPage },
];

export function findOrgPage(subPath: string): { page: OrgPage; params: Record<string, string> } | null {
  for (const page of orgPages) {
    const params = matchPath(`/${page.path}`, `/${subPath}`);
    if (params) return { page, params };
  }
  return null;
}

/** Starts downloading the page a dashboard path shows (/app/o/:orgId/…), if it is one. */
export function preloadPageOf(path: string): void {
  const inOrg = matchPath("/app/o/:orgId/*", path) ?? matchPath("/app/o/:orgId", path);
  if (inOrg) void findOrgPage(inOrg["*"] ?? "")?.page.Component.preload().catch(() => undefined);
}

export function mayOpen(role: Role | null, page: OrgPage): boolean {
  return role !== null && roleCan(role, page.permission);
}

export const orgPath = (orgId: string, subPath = "") => `/app/o/${orgId}${subPath ? `/${subPath}` : ""}`;
