// English texts of voice-of-the-customer imports that the server's codes name (docs/import.md); spread into en.
import type { voiceEs } from "./messages-voice.es.js";

export const voiceEn: { readonly [K in keyof typeof voiceEs]: string } = {
  "voice.importError.missing_column": "The file has no “{detail}” column. Add it and upload the file again.",
  "voice.importError.csv_syntax": "The CSV is malformed ({detail}). The rows before it were stored; fix that line and upload the file again: what was stored counts as duplicates.",
  "voice.importError.file_too_large": "The file is over 1 GB. Split it into several.",
  "voice.importError.upload_aborted": "The upload was cut off. What was read was stored; upload the file again and what was stored counts as duplicates.",
  "voice.importError.store_failed": "Part of the file could not be stored. Upload it again: what was stored counts as duplicates.",
  "voice.importError.server_stopped": "The server stopped during the import. Upload the file again: what was stored counts as duplicates.",
  "voice.importError.import_failed": "The import could not finish. Try again.",
  "voice.modelError.not_enough_data": "There were too few usable responses (with a comment and the customer's own emotion or scores) when training. Wait for more and try again.",
  "voice.modelError.training_failed": "Training could not finish. Try again; if it happens again, check the server log.",
  "textExport.column.at": "Date (UTC)",
  "textExport.column.source": "Source",
  "textExport.column.touchpoint": "Touchpoint",
  "textExport.column.language": "Language",
  "textExport.column.rating": "Rating",
  "textExport.column.text": "Text",
  "textExport.column.sentiment": "Sentiment",
  "textExport.column.sentiment_score": "Sentiment score",
  "textExport.column.emotions": "Inferred emotions",
  "textExport.column.topics": "Topics",
  "textExport.column.key_phrases": "Key phrases",
  "textExport.column.url": "URL",
};
