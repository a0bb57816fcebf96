// Every length, count and time limit of measuring, defined once: the server enforces them, the form
// page and the widget show them (a comment counter), the dashboard validates against them.

/** Limits of the form, its configuration and the responses it collects. */
export const formLimits = {
  /** The comment (question 5), counted in Unicode code points after normalisation: 😀 counts once. */
  commentMax: 2000,
  /** A reworded question text, per language, in code points. */
  questionTextMax: 300,
  brandNameMax: 80,
  experienceNameMax: 120,
  thankYouMax: 500,
  /** Logo and redirect URLs. */
  urlMax: 2048,
  /** Hidden fields: at most this many `m_*` keys per response (customer, order, channel, store and placement not counted). */
  metaFieldsMax: 20,
  /** Length of an `m_*` key after its `m_` prefix. */
  metaKeyMax: 40,
  /** Length of any hidden field value (`m_*`, order, channel, store) unless it has its own limit below. */
  hiddenValueMax: 200,
  customerReferenceMax: 128,
  orderReferenceMax: 128,
  channelMax: 40,
  storeMax: 120,
  placementMax: 120,
  /** Items in one POST /api/v1/responses batch. */
  batchMax: 1000,
  /** Body of one response submission (form page, widget, one API item), in bytes. */
  bodyMaxBytes: 32 * 1024,
  /** Body of one batch request, in bytes: 1,000 items of up to 16 KiB each. */
  batchBodyMaxBytes: 16 * 1024 * 1024,
  /** Visit token (chosen by the page) and API idempotency key. */
  visitTokenMin: 16,
  visitTokenMax: 64,
  idempotencyKeyMax: 128,
  /** Only the start of a User-Agent string is read. */
  userAgentMax: 512,
} as const;

/**
 * Minimum time between showing the form and its first answer, in milliseconds. A person needs more
 * than this to read the first question and tap an emotion; a script posting at once does not.
 * Later answers of the same visit pass by construction: the time on page only grows.
 */
export const minimumTimeOnPageMs = 1500;

/** Longest time on page a client may report (24 h); anything beyond is not believed. */
export const maximumTimeOnPageMs = 24 * 60 * 60 * 1000;
