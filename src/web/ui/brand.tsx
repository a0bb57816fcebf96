// The Momentos mark and wordmark, role badges and people's initials.
import type { Role } from "../../core/roles.js";
import { useI18n } from "../i18n.js";

export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={className ? `wordmark ${className}` : "wordmark"}>
      <svg className="wordmark__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" className="wordmark__tile" />
        <path
          d="M8 22V11.5a1.5 1.5 0 0 1 2.7-.9L16 17l5.3-6.4a1.5 1.5 0 0 1 2.7.9V22"
          fill="none"
          stroke="#fff"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="wordmark__text">Momentos</span>
    </span>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useI18n();
  return <span className={`badge badge--${role}`}>{t(`role.${role}`)}</span>;
}

/** Initials in a tinted circle; the tint comes from the name so a person keeps their colour. */
export function Avatar({ name, size = "md" }: { name: string; size?: "sm" | "md" }) {
  const initials =
    name
      .trim()
      .split(/\s+/)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase() ?? "")
      .join("") || "?";
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return (
    <span className={`avatar avatar--${size} avatar--tint-${hash % 6}`} aria-hidden="true">
      {initials}
    </span>
  );
}
