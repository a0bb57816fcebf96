// Import a journey from an exported JSON file. The file is checked in the browser with the same schema
// the server uses (core/journeys/document.ts), so every problem is listed by place ("Stage 2 ›
// Touchpoint 3 › Why it is a moment of truth") before anything is sent; the server checks again.
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from "react";
import type { z } from "zod";
import { journeyDocumentSchema } from "../../../core/journeys/document.js";
import type { MessageKey } from "../../../core/i18n/messages.js";
import { ApiError, type Organisation } from "../../api.js";
import { describeProblem } from "../../forms.js";
import { useI18n, type I18n } from "../../i18n.js";
import { navigate } from "../../router.js";
import { orgPath } from "../../routes.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { Dialog } from "../../ui/dialog.js";
import { useToast } from "../../ui/toast.js";
import { BoardIcon } from "./board-icons.js";
import { journeysApi } from "./journeys-api.js";

const maxBytes = 2 * 1024 * 1024;

export interface ImportProblem {
  where: string;
  what: string;
}

const fieldLabels: Record<string, MessageKey> = {
  name: "journeys.field.name",
  description: "journeys.field.description",
  scope: "journeys.field.scope",
  persona: "journeys.field.persona",
  channel: "journeys.field.channel",
  customerNeed: "journeys.field.customerNeed",
  customerExpectation: "journeys.field.customerExpectation",
  ownerUserId: "journeys.field.owner",
  modules: "journeys.field.modules",
  momentOfTruth: "journeys.field.momentOfTruth",
  momentOfTruthReason: "journeys.field.momentOfTruthReason",
  targets: "journeys.field.targets",
  nps: "journeys.field.nps",
  csat: "journeys.field.csat",
  ces: "journeys.field.ces",
  status: "journeys.field.status",
};

/** "Stage 2 › Touchpoint 3 › Customer need" for a path like ["journey","stages",1,"touchpoints",2,"customerNeed"]. */
export function describePath(t: I18n["t"], path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = path[i + 1];
    if (key === "body" || key === "journey") continue;
    if ((key === "stages" || key === "touchpoints") && typeof next === "number") {
      parts.push(t(key === "stages" ? "journeys.import.path.stage" : "journeys.import.path.touchpoint", { n: next + 1 }));
      i += 1;
    } else if (typeof key === "string" && fieldLabels[key]) {
      parts.push(t(fieldLabels[key]));
    } else if (typeof key === "string") {
      parts.push(key);
    }
  }
  return parts.length ? parts.join(" › ") : t("journeys.import.path.document");
}

function describeIssue(t: I18n["t"], issue: z.core.$ZodIssue): string {
  const top = issue.path[0];
  if (top === "format" || top === "version") return t("journeys.import.issue.format");
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" ? t("journeys.import.issue.empty") : t("journeys.import.issue.range");
    case "too_big":
      if (issue.origin === "string") return t("journeys.import.issue.tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "array") return t("journeys.import.issue.tooMany", { max: Number(issue.maximum) });
      return t("journeys.import.issue.range");
    case "invalid_type":
      return t("journeys.import.issue.required");
    case "invalid_value":
      return t("journeys.import.issue.value");
    case "custom":
      if (issue.path.at(-1) === "momentOfTruthReason") return t("journeys.import.issue.reason");
      if (issue.path.at(-1) === "stages" || issue.path.at(-1) === "touchpoints") return t("journeys.import.issue.duplicate");
      return t("journeys.import.issue.other", { message: issue.message });
    default:
      return t("journeys.import.issue.other", { message: issue.message });
  }
}

/** Every problem of a would-be export document, by place, in the person's language; empty when it is valid. */
export function checkJourneyDocument(t: I18n["t"], value: unknown): ImportProblem[] {
  const parsed = journeyDocumentSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 20).map((issue) => ({ where: describePath(t, issue.path), what: describeIssue(t, issue) }));
}

export function ImportJourneyDialog({ open, organisation, onClose }: { open: boolean; organisation: Organisation; onClose(): void }) {
  const { t, tn } = useI18n();
  const toast = useToast();
  const inputId = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const [document_, setDocument] = useState<unknown>(undefined);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setFileName(null);
    setDocument(undefined);
    setProblems([]);
    setFailure(null);
  }, [open]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setFileName(file.name);
    setDocument(undefined);
    setProblems([]);
    setFailure(null);
    if (file.size > maxBytes) return setFailure(t("journeys.import.tooLarge"));
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      return setFailure(t("journeys.import.notJson"));
    }
    const found = checkJourneyDocument(t, value);
    setProblems(found);
    if (found.length === 0) setDocument(value);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (document_ === undefined) return;
    setBusy(true);
    setFailure(null);
    try {
      const { journey, ownersCleared } = await journeysApi.importDocument(organisation.id, document_);
      toast(ownersCleared > 0 ? tn("journeys.import.ownersCleared", ownersCleared, { name: journey.name }) : t("journeys.import.imported", { name: journey.name }));
      onClose();
      navigate(orgPath(organisation.id, `journeys/${journey.id}`));
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        setProblems(error.fieldErrors.map((f) => ({ where: describePath(t, f.field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p))), what: f.message })));
      } else {
        setFailure(describeProblem(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={t("journeys.import.title")} description={t("journeys.import.description")}>
      <form className="form" onSubmit={submit} noValidate>
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        <div className="field">
          <span className="field__label" id={`${inputId}-label`}>
            {t("journeys.import.file")}
          </span>
          <div className="file-picker">
            <input id={inputId} type="file" accept="application/json,.json" className="visually-hidden file-picker__input" onChange={choose} aria-labelledby={`${inputId}-label ${inputId}-button`} />
            <label htmlFor={inputId} className="button button--secondary" id={`${inputId}-button`}>
              <BoardIcon name="upload" />
              {t("journeys.import.choose")}
            </label>
            <span className="file-picker__name">{fileName ?? t("journeys.import.noFile")}</span>
          </div>
        </div>
        {problems.length > 0 ? (
          <div className="callout callout--danger import-problems" role="alert">
            <div className="callout__content">
              <p className="callout__title">{t("journeys.import.invalid")}</p>
              <ul className="import-problems__list">
                {problems.map((problem, index) => (
                  <li key={index}>
                    <strong>{problem.where}</strong>: {problem.what}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <div className="dialog__actions">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={document_ === undefined}>
            {t("journeys.import.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
