// Icons only the form pages use, drawn like ui/icon.tsx (24-unit grid, stroke 1.75, currentColor).
import { SvgIcon } from "../../ui/icon.js";
const paths = {
  chevronLeft: "m15 18-6-6 6-6",
  chevronRight: "m9 18 6-6-6-6",
  image: "M4 4h16v16H4zM4 16l5-5 4 4 3-3 4 4M15.5 8.5h.01",
  qr: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 14h2M14 18v2h2M18 18h2v2",
  download: "M12 4v11M7 10l5 5 5-5M5 20h14",
  printer: "M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z",
  code: "m8 8-5 4 5 4M16 8l5 4-5 4M14 5l-4 14",
  mail: "M4 5h16v14H4zM4 6l8 7 8-7",
  link: "M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71",
  terminal: "M4 5h16v14H4zM8 10l3 2-3 2M13 15h4",
  external: "M14 4h6v6M20 4l-9 9M18 14v6H4V6h6",
  check: "M20 6 9 17l-5-5",
  arrowLeft: "M19 12H5M11 18l-6-6 6-6",
} as const;

export type FormIconName = keyof typeof paths;

export function FormIcon({ name, size = 16 }: { name: FormIconName; size?: number }) {
  return <SvgIcon d={paths[name]} size={size} />;
}
