// Export as a download: the document from the server, saved under a file name made from the journey's name.
import { journeysApi } from "./journeys-api.js";

export function fileNameFor(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "journey"}.momentos.json`;
}

export async function downloadJourney(orgId: string, journeyId: string, name: string): Promise<void> {
  const document_ = await journeysApi.exportDocument(orgId, journeyId);
  const blob = new Blob([`${JSON.stringify(document_, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileNameFor(name);
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
