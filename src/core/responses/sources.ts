// Where a response came from, and the stable codes of every reason a submission is dropped.

/** link: the short public link; qr: the QR code; widget: the website widget; email: the e-mail snippet; api; import. */
export const responseSources = ["link", "qr", "widget", "email", "api", "import"] as const;
export type ResponseSource = (typeof responseSources)[number];

/** The sources a form link may claim with `?source=`; api and import need an API key. */
export const urlSources = ["link", "qr", "widget", "email"] as const;
export type UrlSource = (typeof urlSources)[number];

/** Sources where a person answers on the form page or widget: spam checks and completion time apply. */
export function isPageSource(source: ResponseSource): boolean {
  return source === "link" || source === "qr" || source === "widget" || source === "email";
}

/**
 * Why a submission was not stored (or, for duplicate_response, not stored again). Stable snake_case
 * codes: they are counted per touchpoint, shown to admins and mapped to HTTP once by the server.
 */
export const dropReasons = [
  "form_closed",
  "rate_limited",
  "spam_suspected",
  "invalid_answer",
  "unknown_touchpoint",
  "duplicate_response",
  "batch_too_large",
  "body_too_large",
] as const;
export type DropReason = (typeof dropReasons)[number];
