// Importing voice of the customer (/app/o/:orgId/voice/import, admins): choose what the file holds
// (voice items as CSV or JSONL, a generic NPS CSV, Delighted's export), map it to a touchpoint (one
// for the whole file, or a column per row), check a preview of the first rows and how each column is
// read, then send the file as the request's body (streamed by the browser), follow its progress, and
// read the report. Past imports below, each with its report.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import type { MessageKey } from "../../../core/i18n/messages.js";
import { voiceSources, type ImportKind } from "../../../core/voice/schema.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import type { OrgPageProps } from "../../routes.js";
import { useSignedIn } from "../../session.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { ChoiceField, SelectField } from "../../ui/field.js";
import { EmptyState, PageHeader, Panel, Spinner } from "../../ui/page.js";
import { formatOf, mapFields, previewBytes, previewOf, unusedColumns, type FilePreview } from "./import-preview.js";
import { ImportReport } from "./import-report.js";
import { ProgressBar } from "./progress-bar.js";
import { useJourneyChoices } from "./use-touchpoints.js";
import { startImport, voiceApi, type ImportOut, type VoiceSource } from "./voice-api.js";
import { Icon } from "../../ui/icon.js";
import { voiceFormat, type VoiceFormat } from "./voice-format.js";
import { VoiceIcon } from "./voice-icons.js";
import { VoiceTabs, voicePath } from "./voice-tabs.js";
import "./voice.css";

type Mapping = "file" | "row";
const pollMs = 400;

const isActive = (imp: ImportOut) => imp.status === "running" || imp.status === "waiting";

export function ImportPage({ organisation }: OrgPageProps) {
  const { t, language } = useI18n();
  const { csrfToken } = useSignedIn();
  const format = useMemo(() => voiceFormat(language, t), [language, t]);
  const journeys = useJourneyChoices(organisation.id);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>("voice");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [previewError, setPreviewError] = useState(false);
  const [mapping, setMapping] = useState<Mapping>("file");
  const [touchpointId, setTouchpointId] = useState("");
  const [source, setSource] = useState<VoiceSource | "">("");
  const [errors, setErrors] = useState<{ file?: string; touchpoint?: string }>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [current, setCurrent] = useState<ImportOut | null>(null);
  const [uploading, setUploading] = useState(false);
  const [history, setHistory] = useState<ImportOut[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<ImportOut | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const reportHeading = useRef<HTMLHeadingElement>(null);

  const loadHistory = useCallback(async () => {
    try {
      setHistory((await voiceApi.listImports(organisation.id)).imports);
      setHistoryError(null);
    } catch (failure) {
      setHistoryError(describeProblem(t, failure));
    }
    // `t` only words errors.
  }, [organisation.id]);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  // Reads the start of the chosen file for the preview (never the whole file).
  useEffect(() => {
    setPreview(null);
    setPreviewError(false);
    if (!file) return;
    let live = true;
    file
      .slice(0, previewBytes)
      .arrayBuffer()
      .then((buffer) => {
        const head = new TextDecoder("utf-8", { fatal: false }).decode(buffer);
        if (!live) return;
        if (head.includes("\uFFFD") && !head.slice(0, 200).trim()) throw new Error("not text");
        setPreview(previewOf(head, formatOf(file.name, head), file.size <= previewBytes));
      })
      .catch(() => live && setPreviewError(true));
    return () => {
      live = false;
    };
  }, [file]);

  // While an import runs, its status is polled until it ends.
  const currentId = current?.id ?? null;
  const running = current !== null && isActive(current);
  useEffect(() => {
    if (!currentId || !running) return;
    let live = true;
    const timer = window.setInterval(() => {
      voiceApi
        .getImport(organisation.id, currentId)
        .then((next) => {
          if (!live) return;
          setCurrent(next);
          if (!isActive(next)) {
            setAnnouncement(t(`voice.import.announce.${next.status}` as MessageKey, { accepted: format.count(next.accepted), rejected: format.count(next.rejected) }));
            void loadHistory();
          }
        })
        .catch(() => undefined);
    }, pollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [organisation.id, currentId, running, loadHistory, format, t]);

  useEffect(() => {
    if (current && !isActive(current)) reportHeading.current?.focus();
  }, [current?.status]);

  const touchpoints = (journeys ?? []).flatMap((journey) => journey.touchpoints);
  const needsTouchpoint = mapping === "file" || kind !== "voice";
  const fieldMapping = preview ? mapFields(kind, preview.columns) : null;
  const missing = fieldMapping?.filter((m) => m.required && m.column === null) ?? [];
  const rowTouchpoint = fieldMapping?.some((m) => (m.field === "touchpoint" || m.field === "touchpointId") && m.column !== null) ?? false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nextErrors: typeof errors = {};
    if (!file) nextErrors.file = t("voice.import.fileRequired");
    if (needsTouchpoint && mapping === "file" && !touchpointId) nextErrors.touchpoint = t("voice.import.touchpointRequired");
    setErrors(nextErrors);
    setSubmitError(null);
    if (!file || Object.keys(nextErrors).length > 0) return;
    setUploading(true);
    setViewing(null);
    setAnnouncement(t("voice.import.announce.started"));
    let created: ImportOut | null = null;
    try {
      const final = await startImport(organisation.id, file, {
        kind,
        format: preview?.format ?? formatOf(file.name, ""),
        touchpointId: mapping === "file" ? touchpointId : undefined,
        source: kind === "voice" && source ? source : undefined,
        csrfToken,
        onCreated: (imp) => {
          created = imp;
          setCurrent(imp);
        },
      });
      setCurrent(final);
      setAnnouncement(t(`voice.import.announce.${final.status}` as MessageKey, { accepted: format.count(final.accepted), rejected: format.count(final.rejected) }));
    } catch (failure) {
      setSubmitError(describeProblem(t, failure));
      // The upload failed: show what the server kept, or bring the form back if nothing started.
      const started = created as ImportOut | null;
      const latest = started ? await voiceApi.getImport(organisation.id, started.id).catch(() => null) : null;
      setCurrent(latest && latest.status !== "waiting" ? latest : null);
    } finally {
      setUploading(false);
      void loadHistory();
    }
  };

  const reset = () => {
    setCurrent(null);
    setFile(null);
    setPreview(null);
    setErrors({});
    setSubmitError(null);
    if (fileInput.current) fileInput.current.value = "";
    window.setTimeout(() => fileInput.current?.focus(), 0);
  };

  const kindOptions = (["voice", "nps", "delighted"] as const).map((value) => ({ value, label: t(`voice.import.kind.${value}`), description: t(`voice.import.kind.${value}.text`) }));
  const busy = uploading || (current !== null && isActive(current));
  const shown = viewing ?? current;

  return (
    <div className="voice">
      <PageHeader title={t("voice.import.title")} description={t("voice.import.description")} />
      <VoiceTabs orgId={organisation.id} role={organisation.role} current="import" />
      {current === null ? (
        <form className="vc-import" onSubmit={(event) => void submit(event)} noValidate>
          <section className="panel" aria-labelledby="import-file-title">
            <div className="panel__header">
              <div>
                <h2 className="panel__title" id="import-file-title">
                  <span className="vc-step" aria-hidden="true">
                    1
                  </span>
                  {t("voice.import.step.file")}
                </h2>
              </div>
            </div>
            <div className="panel__body vc-import__body">
              <ChoiceField<ImportKind> legend={t("voice.import.kind")} name="kind" options={kindOptions} value={kind} onChange={setKind} />
              <div className={`field${errors.file ? " is-invalid" : ""}`}>
                <label className="field__label" htmlFor={fileId}>
                  {t("voice.import.file")}
                </label>
                <div className={`vc-drop${file ? " has-file" : ""}`}>
                  <VoiceIcon name={file ? "file" : "upload"} size={22} className="vc-drop__icon" />
                  <div className="vc-drop__text">
                    <p className="vc-drop__name">{file ? file.name : t("voice.import.fileNone")}</p>
                    <p className="vc-drop__hint">{file ? format.bytes(file.size) : t("voice.import.fileHint")}</p>
                  </div>
                  <input
                    ref={fileInput}
                    id={fileId}
                    type="file"
                    className="vc-drop__input"
                    accept=".csv,.jsonl,.ndjson,.json,.txt,text/csv,application/x-ndjson"
                    aria-describedby={`${fileId}-hint${errors.file ? ` ${fileId}-error` : ""}`}
                    aria-invalid={errors.file ? true : undefined}
                    onChange={(event) => {
                      setFile(event.target.files?.[0] ?? null);
                      setErrors((e) => ({ ...e, file: undefined }));
                    }}
                  />
                </div>
                <p className="field__hint" id={`${fileId}-hint`}>
                  {t(`voice.import.fileHint.${kind}`)}
                </p>
                {errors.file ? (
                  <p className="field__error" id={`${fileId}-error`}>
                    {errors.file}
                  </p>
                ) : null}
              </div>
            </div>
          </section>

          <section className="panel" aria-labelledby="import-map-title">
            <div className="panel__header">
              <div>
                <h2 className="panel__title" id="import-map-title">
                  <span className="vc-step" aria-hidden="true">
                    2
                  </span>
                  {t("voice.import.step.touchpoint")}
                </h2>
                <p className="panel__description">{t("voice.import.mappingText")}</p>
              </div>
            </div>
            <div className="panel__body vc-import__body">
              <ChoiceField<Mapping>
                legend={t("voice.import.mapping")}
                name="mapping"
                value={mapping}
                onChange={setMapping}
                options={(["file", "row"] as const).map((value) => ({ value, label: t(`voice.import.mapping.${value}`), description: t(`voice.import.mapping.${value}.text`) }))}
              />
              <div className="vc-import__row">
                {mapping === "file" ? (
                  <SelectField
                    label={t("voice.import.touchpoint")}
                    value={touchpointId}
                    onChange={(event) => {
                      setTouchpointId(event.target.value);
                      setErrors((e) => ({ ...e, touchpoint: undefined }));
                    }}
                    error={errors.touchpoint}
                    hint={journeys !== null && touchpoints.length === 0 ? t("voice.import.noTouchpoints") : undefined}
                  >
                    <option value="">{journeys === null ? t("common.loading") : t("voice.import.touchpointChoose")}</option>
                    {(journeys ?? []).map((journey) => (
                      <optgroup key={journey.id} label={journey.name}>
                        {journey.touchpoints.map((tp) => (
                          <option key={tp.id} value={tp.id}>
                            {tp.stageName} · {tp.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </SelectField>
                ) : null}
                {kind === "voice" ? (
                  <SelectField label={t("voice.import.source")} hint={t("voice.import.sourceHint")} value={source} onChange={(event) => setSource(event.target.value as VoiceSource | "")}>
                    <option value="">{t("voice.import.sourceColumn")}</option>
                    {voiceSources.map((value) => (
                      <option key={value} value={value}>
                        {format.source(value)}
                      </option>
                    ))}
                  </SelectField>
                ) : null}
              </div>
              {mapping === "row" && preview && !rowTouchpoint ? <Callout tone="warning">{t("voice.import.rowTouchpointMissing")}</Callout> : null}
            </div>
          </section>

          <section className="panel" aria-labelledby="import-preview-title">
            <div className="panel__header">
              <div>
                <h2 className="panel__title" id="import-preview-title">
                  <span className="vc-step" aria-hidden="true">
                    3
                  </span>
                  {t("voice.import.step.preview")}
                </h2>
                <p className="panel__description">{t("voice.import.previewText")}</p>
              </div>
            </div>
            <div className="panel__body vc-import__body">
              {!file ? (
                <p className="vc-muted">{t("voice.import.previewNone")}</p>
              ) : previewError ? (
                <Callout tone="warning">{t("voice.import.previewError")}</Callout>
              ) : !preview ? (
                <Spinner label={t("common.loading")} />
              ) : (
                <ImportPreview preview={preview} kind={kind} format={format} missing={missing.map((m) => m.field)} />
              )}
              {submitError ? <Callout tone="danger">{submitError}</Callout> : null}
              <div className="vc-import__actions">
                <Button type="submit" variant="primary" busy={busy} icon="check">
                  {t("voice.import.submit")}
                </Button>
                <span className="vc-muted">{t("voice.import.submitHint")}</span>
              </div>
            </div>
          </section>
        </form>
      ) : null}

      {shown ? (
        <section className="panel" aria-labelledby="import-report-title" id="import-report">
          <div className="panel__header">
            <div>
              <h2 className="panel__title" id="import-report-title" ref={reportHeading} tabIndex={-1}>
                {isActive(shown) ? t("voice.import.progressTitle") : t("voice.report.title")}
              </h2>
              <p className="panel__description">
                {shown.fileName ?? t("voice.import.noFile")} · {t(`voice.import.kindShort.${shown.kind}`)}
              </p>
            </div>
            {!isActive(shown) ? (
              <div className="panel__actions vc-actions">
                {viewing ? (
                  <Button size="sm" variant="ghost" onClick={() => setViewing(null)}>
                    {t("common.close")}
                  </Button>
                ) : (
                  <>
                    <Link to={voicePath(organisation.id)} className="button button--secondary button--sm">
                      {t("voice.import.seeTexts")}
                    </Link>
                    <Button size="sm" variant="primary" icon="plus" onClick={reset}>
                      {t("voice.import.another")}
                    </Button>
                  </>
                )}
              </div>
            ) : null}
          </div>
          <div className="panel__body">
            {isActive(shown) ? <ImportProgress imp={shown} uploading={uploading} format={format} /> : <ImportReport imp={shown} format={format} headingId="import-report-title" />}
          </div>
        </section>
      ) : null}

      <Panel title={t("voice.import.history")} labelledBy="import-history-title" flush>
        {historyError ? (
          <div className="panel__body">
            <Callout tone="danger">{historyError}</Callout>
          </div>
        ) : history === null ? (
          <Spinner label={t("common.loading")} />
        ) : history.length === 0 ? (
          <EmptyState icon={<VoiceIcon name="file" size={22} />} title={t("voice.import.historyEmpty")} />
        ) : (
          <ImportHistory imports={history} format={format} onView={(imp) => {
            setViewing(imp);
            window.setTimeout(() => document.getElementById("import-report-title")?.focus(), 0);
          }} />
        )}
      </Panel>
      <p className="page-note">
        <Icon name="info" size={14} />
        <span>
          {t("voice.import.apiNote")} <code className="code">POST /api/v1/orgs/…/voice/items</code> · <a href="/api/docs">{t("shell.apiDocs")}</a>
        </span>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function ImportPreview({ preview, kind, format, missing }: { preview: FilePreview; kind: ImportKind; format: VoiceFormat; missing: string[] }) {
  const { t, tn } = useI18n();
  const mapping = mapFields(kind, preview.columns);
  const unused = unusedColumns(preview.columns, mapping);
  const fieldName = (field: string) => t(`voice.field.${field}` as MessageKey);
  return (
    <div className="vc-preview">
      {missing.length > 0 ? (
        <Callout tone="warning" title={t("voice.import.missingTitle")}>
          {t("voice.import.missingText", { fields: missing.map(fieldName).join(", ") })}
        </Callout>
      ) : null}
      <div className="vc-preview__rows">
        <h3 className="vc-preview__title">
          {tn("voice.import.firstRows", preview.rows.length)} <span className="badge badge--muted">{preview.format === "csv" ? "CSV" : "JSONL"}</span>
        </h3>
        {preview.columns.length === 0 ? (
          <p className="vc-muted">{t("voice.import.previewEmpty")}</p>
        ) : (
          <div className="vc-scroll vc-preview__scroll" tabIndex={0} role="region" aria-label={t("voice.import.firstRowsLabel")}>
            <table className="table vc-preview__table">
              <caption className="visually-hidden">{t("voice.import.firstRowsLabel")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="vc-num">
                    #
                  </th>
                  {preview.columns.map((column, index) => (
                    <th key={`${column}-${index}`} scope="col">
                      {column || "—"}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    <td className="vc-num vc-muted">{format.count(rowIndex + 1)}</td>
                    {row.map((value, index) => (
                      <td key={index} className="vc-preview__cell">
                        {value.length > 140 ? `${value.slice(0, 140)}…` : value}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <div>
        <h3 className="vc-preview__title" id="import-mapping-title">
          {t("voice.import.mappingTitle")}
        </h3>
        <dl className="vc-mapping" aria-labelledby="import-mapping-title">
          {mapping.map((m) => (
            <div key={m.field} className={`vc-mapping__item${m.column !== null ? " is-found" : m.required ? " is-missing" : ""}`} data-field={m.field}>
              <dt>
                {fieldName(m.field)}
                {m.required ? <span className="vc-required">{t("voice.import.required")}</span> : null}
              </dt>
              <dd>
                {m.column !== null ? (
                  <code className="code">{m.column}</code>
                ) : (
                  <span className={m.required ? "vc-missing" : "vc-muted"}>{m.required ? t("voice.import.columnMissing") : t("voice.import.columnNone")}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
        {unused.length > 0 ? <p className="vc-note">{t("voice.import.unused", { columns: unused.join(", ") })}</p> : null}
      </div>
    </div>
  );
}

function ImportProgress({ imp, uploading, format }: { imp: ImportOut; uploading: boolean; format: VoiceFormat }) {
  const { t } = useI18n();
  const value = imp.progress ?? (imp.bytesTotal ? imp.bytesRead / imp.bytesTotal : null);
  const text =
    imp.bytesTotal !== null
      ? t("voice.import.progressBytes", { read: format.bytes(imp.bytesRead), total: format.bytes(imp.bytesTotal), rows: format.count(imp.rowsRead) })
      : t("voice.import.progressRows", { rows: format.count(imp.rowsRead) });
  return (
    <div className="vc-progress-card">
      <div className="vc-progress-card__head">
        <p className="vc-progress-card__phase">{imp.status === "waiting" || (uploading && imp.rowsRead === 0) ? t("voice.import.phase.uploading") : t("voice.import.phase.analysing")}</p>
        <p className="vc-progress-card__percent">{value === null ? "" : format.percent(value)}</p>
      </div>
      <ProgressBar label={t("voice.import.progressLabel")} value={value} valueText={text} />
      <p className="vc-progress-card__text">{text}</p>
      <dl className="vc-progress-card__counts">
        <div>
          <dt>{t("voice.report.accepted")}</dt>
          <dd>{format.count(imp.accepted)}</dd>
        </div>
        <div>
          <dt>{t("voice.report.duplicates")}</dt>
          <dd>{format.count(imp.duplicates)}</dd>
        </div>
        <div>
          <dt>{t("voice.report.rejected")}</dt>
          <dd>{format.count(imp.rejected)}</dd>
        </div>
      </dl>
    </div>
  );
}

function ImportHistory({ imports, format, onView }: { imports: ImportOut[]; format: VoiceFormat; onView(imp: ImportOut): void }) {
  const { t, formatDateTime, formatRelative } = useI18n();
  return (
    <div className="vc-scroll">
      <table className="table vc-history">
        <caption className="visually-hidden">{t("voice.import.history")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("voice.import.column.date")}</th>
            <th scope="col">{t("voice.import.column.file")}</th>
            <th scope="col">{t("voice.import.column.status")}</th>
            <th scope="col" className="vc-num">
              {t("voice.report.accepted")}
            </th>
            <th scope="col" className="vc-num">
              {t("voice.report.duplicates")}
            </th>
            <th scope="col" className="vc-num">
              {t("voice.report.rejected")}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {imports.map((imp) => (
            <tr key={imp.id}>
              <td className="table__muted">
                <time dateTime={imp.createdAt} title={formatDateTime(imp.createdAt)}>
                  {formatRelative(imp.createdAt)}
                </time>
              </td>
              <td>
                <span className="table__strong vc-history__file">{imp.fileName ?? t("voice.import.noFile")}</span>
                <span className="vc-sub">
                  {t(`voice.import.kindShort.${imp.kind}`)} · {imp.format.toUpperCase()}
                </span>
              </td>
              <td>
                <span className={`vc-status vc-status--${imp.status}`}>{t(`voice.import.status.${imp.status}`)}</span>
              </td>
              <td className="vc-num">{format.count(imp.accepted)}</td>
              <td className="vc-num">{format.count(imp.duplicates)}</td>
              <td className="vc-num">{format.count(imp.rejected)}</td>
              <td className="table__actions">
                {isActive(imp) ? null : (
                  <Button size="sm" variant="ghost" onClick={() => onView(imp)}>
                    {t("voice.import.view")}
                    <span className="visually-hidden"> {imp.fileName ?? imp.id}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
