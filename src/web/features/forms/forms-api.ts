// A touchpoint's form as the dashboard reads and changes it: the shapes the server sends (restated
// from src/server/routes/forms/present.ts, since the web app imports only from core) and every call.
import type { FormConfigInput, FormVariant } from "../../../core/forms/index.js";
import type { Language } from "../../../core/i18n/languages.js";
import { request } from "../../api.js";

type PerLanguage<T> = Partial<Record<Language, T>>;

export interface FormConfigData {
  variant: FormVariant;
  wording: PerLanguage<Record<string, string>>;
  brandName: string;
  logoUrl: string | null;
  brandColour: string;
  experienceName: PerLanguage<string>;
  thankYou: PerLanguage<string>;
  redirectUrl: string | null;
  open: boolean;
}

export interface TouchpointForm {
  id: string;
  touchpointId: string;
  touchpointName: string;
  journeyId: string;
  stageId: string;
  code: string;
  link: string;
  version: number;
  open: boolean;
  accepting: boolean;
  config: FormConfigData;
  colour: { contrast: number; meetsAa: boolean; shownAs: string };
  updatedAt: string;
}

export interface FormVersion {
  version: number;
  contentHash: string;
  createdAt: string;
  createdBy: { userId: string; name: string | null } | null;
}

export interface ShareAssets {
  link: string;
  qrLink: string;
  widgetSnippet: string;
  emailHtml: string;
  emailText: string;
  apiExample: string;
}

export interface ShareOptions {
  lang: Language;
  placement: string;
  customerMergeTag: string;
}

const formPath = (orgId: string, touchpointId: string) =>
  `/api/v1/orgs/${encodeURIComponent(orgId)}/touchpoints/${encodeURIComponent(touchpointId)}/form`;

/** Where the QR code and the card are, with the options they take; used as image sources and links. */
export function qrUrl(orgId: string, touchpointId: string, kind: "qr.svg" | "qr.png" | "qr-card", query: Record<string, string>): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ""));
  const search = params.toString();
  return `${formPath(orgId, touchpointId)}/${kind}${search ? `?${search}` : ""}`;
}

export const formsApi = {
  getForm: (orgId: string, touchpointId: string) => request<TouchpointForm>("GET", formPath(orgId, touchpointId)),
  saveForm: (orgId: string, touchpointId: string, config: FormConfigInput) =>
    request<TouchpointForm & { newVersion: boolean }>("PUT", formPath(orgId, touchpointId), config),
  listVersions: (orgId: string, touchpointId: string) => request<{ items: FormVersion[] }>("GET", `${formPath(orgId, touchpointId)}/versions`),
  getShareAssets: (orgId: string, touchpointId: string, options: ShareOptions) => {
    const params = new URLSearchParams({ lang: options.lang });
    if (options.placement.trim()) params.set("placement", options.placement.trim());
    if (options.customerMergeTag.trim()) params.set("customerMergeTag", options.customerMergeTag.trim());
    return request<ShareAssets>("GET", `${formPath(orgId, touchpointId)}/share?${params.toString()}`);
  },
};
