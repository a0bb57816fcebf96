// Icons of the voice screens, drawn like ui/icon.tsx (24-unit grid, stroke 1.75, currentColor): one
// per text source (form, review, social, ticket, chat, other) and a few for the pages themselves.
import { SvgIcon } from "../../ui/icon.js";

const paths = {
  form: "M6 3h12v18H6zM9 8h6M9 12h6M9 16h3",
  review: "m12 3 2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z",
  social: "M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4",
  ticket: "M3 7a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v3a2 2 0 0 0 0 4v3a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-3a2 2 0 0 0 0-4zM14 5v14",
  chat: "M21 12a8 8 0 0 1-11.8 7L3 21l2-6A8 8 0 1 1 21 12z",
  other: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 12h.01M12 12h.01M16 12h.01",
  quote: "M7 7h4v5c0 3-2 5-4 5M14 7h4v5c0 3-2 5-4 5",
  upload: "M12 21V9M7 14l5-5 5 5M5 3h14",
  file: "M14 3H6v18h12V7zM14 3v4h4",
  download: "M12 3v12M7 10l5 5 5-5M5 21h14",
  search: "M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3",
  filter: "M3 5h18l-7 8v6l-4 2v-8z",
  brain: "M9 4a3 3 0 0 0-3 3 3 3 0 0 0-2 5 3 3 0 0 0 2 5 3 3 0 0 0 6 1V6a2 2 0 0 0-3-2zM15 4a3 3 0 0 1 3 3 3 3 0 0 1 2 5 3 3 0 0 1-2 5 3 3 0 0 1-6 1",
  refresh: "M20 11a8 8 0 0 0-14.9-3.9L4 8.5M4 4v4.5h4.5M4 13a8 8 0 0 0 14.9 3.9L20 15.5M20 20v-4.5h-4.5",
  sparkle: "M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8zM19 17l.7 1.8 1.8.7-1.8.7L19 22l-.7-1.8-1.8-.7 1.8-.7z",
  x: "M18 6 6 18M6 6l12 12",
  trend: "M3 17l6-6 4 4 8-8M15 7h6v6",
  tag: "M3 12V4h8l10 10-8 8zM7.5 8.5h.01",
} as const;

export type VoiceIconName = keyof typeof paths;

export function VoiceIcon({ name, size = 16, className }: { name: VoiceIconName; size?: number; className?: string }) {
  return <SvgIcon d={paths[name]} size={size} className={className} />;
}
