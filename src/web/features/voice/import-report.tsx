// An import's outcome: its status, rows accepted, skipped as duplicates and rejected, each rejected
// row with its number and reason, and the same report as a CSV download.
import type { MessageKey } from "../../../core/i18n/messages.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import type { ImportOut } from "./voice-api.js";
import type { VoiceFormat } from "./voice-format.js";
import { csvOf, downloadText } from "./report-csv.js";

export function ImportReport({ imp, format, headingId }: { imp: ImportOut; format: VoiceFormat; headingId: string }) {
  const { t, formatDateTime } = useI18n();
  const reason = (code: string) => t(`voice.reject.${code}` as MessageKey);
  const fieldName = (field: string | undefined) => (field ? t(`voice.field.${field}` as MessageKey) : "");

  const download = () => {
    const rows: Array<Array<string | number>> = [
      [t("voice.report.csv.file"), imp.fileName ?? t("voice.import.noFile")],
      [t("voice.report.csv.started"), formatDateTime(imp.createdAt)],
      [t("voice.report.csv.status"), t(`voice.import.status.${imp.status}`)],
      [t("voice.report.rows"), imp.rowsRead],
      [t("voice.report.accepted"), imp.accepted],
      [t("voice.report.duplicates"), imp.duplicates],
      [t("voice.report.rejected"), imp.rejected],
      [],
      [t("voice.report.column.row"), t("voice.report.column.code"), t("voice.report.column.reason"), t("voice.report.column.field")],
      ...imp.rejections.map((r) => [r.row, r.code, reason(r.code), fieldName(r.field)]),
    ];
    const base = (imp.fileName ?? imp.id).replace(/\.[^.]+$/, "").replace(/[^\p{L}\p{N}_-]+/gu, "-").slice(0, 80) || imp.id;
    downloadText(`${t("voice.report.filename")}-${base}.csv`, csvOf(rows));
  };

  return (
    <div className="vc-report">
      {imp.status === "completed" ? (
        <Callout tone="success" title={t("voice.report.completed")}>
          {t("voice.report.completedText", { rows: format.count(imp.rowsRead), accepted: format.count(imp.accepted) })}
        </Callout>
      ) : imp.status === "failed" || imp.status === "interrupted" ? (
        <Callout tone="warning" title={t(imp.status === "failed" ? "voice.report.failed" : "voice.report.interrupted")}>
          {imp.error ? <p className="vc-report__error">{t(`voice.importError.${imp.error}`, { detail: imp.errorDetail ?? "" })}</p> : null}
          <p>{t("voice.report.resume")}</p>
        </Callout>
      ) : null}
      <dl className="vc-report__counts" aria-labelledby={headingId}>
        <div className="vc-stat vc-stat--accepted">
          <dt>{t("voice.report.accepted")}</dt>
          <dd>{format.count(imp.accepted)}</dd>
        </div>
        <div className="vc-stat vc-stat--duplicates">
          <dt>{t("voice.report.duplicates")}</dt>
          <dd>{format.count(imp.duplicates)}</dd>
        </div>
        <div className="vc-stat vc-stat--rejected">
          <dt>{t("voice.report.rejected")}</dt>
          <dd>{format.count(imp.rejected)}</dd>
        </div>
      </dl>
      {imp.rejections.length > 0 ? (
        <div className="vc-report__rejections">
          <div className="vc-report__bar">
            <h3 className="vc-report__title">{t("voice.report.rejections")}</h3>
            <Button size="sm" onClick={download}>
              {t("voice.report.download")}
            </Button>
          </div>
          <div className="vc-scroll vc-report__table">
            <table className="table">
              <caption className="visually-hidden">{t("voice.report.rejections")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="vc-num">
                    {t("voice.report.column.row")}
                  </th>
                  <th scope="col">{t("voice.report.column.reason")}</th>
                  <th scope="col">{t("voice.report.column.field")}</th>
                </tr>
              </thead>
              <tbody>
                {imp.rejections.map((r, index) => (
                  <tr key={`${r.row}-${index}`}>
                    <td className="vc-num">{format.count(r.row)}</td>
                    <td>{reason(r.code)}</td>
                    <td className="table__muted">{fieldName(r.field) || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {imp.rejectionsTruncated ? <p className="vc-note">{t("voice.report.truncated", { count: format.count(imp.rejections.length) })}</p> : null}
        </div>
      ) : (
        <div className="vc-report__bar">
          <p className="vc-muted">{t("voice.report.noRejections")}</p>
          <Button size="sm" onClick={download}>
            {t("voice.report.download")}
          </Button>
        </div>
      )}
    </div>
  );
}
