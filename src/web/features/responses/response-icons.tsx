// Icons of the responses screens, drawn like ui/icon.tsx (24-unit grid, stroke 1.75, currentColor):
// one per response source and device class, and a few for the list itself.
import type { DeviceClass } from "../../../core/responses/device.js";
import type { ResponseSource } from "../../../core/responses/sources.js";
import { SvgIcon } from "../../ui/icon.js";

const paths = {
  link: "M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71",
  qr: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 14h2M14 18v2h2M18 18h2v2",
  widget: "M3 5h18v14H3zM3 9h18M13 13h5v4h-5z",
  email: "M4 5h16v14H4zM4 6l8 7 8-7",
  api: "m8 8-5 4 5 4M16 8l5 4-5 4M14 5l-4 14",
  import: "M12 3v12M7 10l5 5 5-5M5 21h14",
  unknown: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01",
  phone: "M7 2h10v20H7zM11 18h2",
  tablet: "M4 3h16v18H4zM11 17h2",
  desktop: "M3 4h18v12H3zM8 20h8M12 16v4",
  bot: "M5 8h14v11H5zM12 8V4M9 13h.01M15 13h.01M9 16h6",
  inbox: "M3 13h5l2 3h4l2-3h5M5 5h14l2 8v6H3v-6z",
  chevronDown: "m6 9 6 6 6-6",
  refresh: "M20 11a8 8 0 0 0-14.9-3.9L4 8.5M4 4v4.5h4.5M4 13a8 8 0 0 0 14.9 3.9L20 15.5M20 20v-4.5h-4.5",
  shield: "M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z M9 12l2 2 4-4",
  share: "M4 12v7h16v-7M12 3v12M7 8l5-5 5 5",
} as const;

export type ResponseIconName = keyof typeof paths;

export function ResponseIcon({ name, size = 16 }: { name: ResponseIconName; size?: number }) {
  return <SvgIcon d={paths[name]} size={size} />;
}

export const sourceIcon = (source: ResponseSource | null): ResponseIconName => source ?? "unknown";
export const deviceIcon = (device: DeviceClass | null): ResponseIconName => (device === null || device === "unknown" ? "unknown" : device);
