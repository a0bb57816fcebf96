// A small client router over the History API: the dashboard has a handful of URL shapes, so a
// path matcher, a Link and navigate() are all it needs (no dependency). Every URL is shareable.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from "react";

export const basePath = "/app";

const listeners = new Set<() => void>();
function notify(): void {
  for (const listener of listeners) listener();
}
if (typeof window !== "undefined") window.addEventListener("popstate", notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const currentLocation = () => window.location.pathname + window.location.search;

/** The current path and query, e.g. "/app/o/abc/members?x=1"; re-renders on every navigation. */
export function useLocation(): { path: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, currentLocation);
  const [path = "/", query = ""] = href.split("?");
  return { path: path.length > 1 ? path.replace(/\/+$/, "") : path, search: new URLSearchParams(query), href };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  notify();
}

/**
 * Matches "/app/o/:orgId/members" against a path; returns the parameters or null.
 * A trailing "/*" matches any rest, exposed as the "*" parameter.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split("/").filter(Boolean);
  const pathParts = path.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i += 1) {
    const part = patternParts[i]!;
    if (part === "*") {
      params["*"] = pathParts.slice(i).join("/");
      return params;
    }
    const value = pathParts[i];
    if (value === undefined) return null;
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) return null;
  }
  return patternParts.length === pathParts.length ? params : null;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string; children: ReactNode };

/** An ordinary link (open in a new tab works) that navigates without reloading on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== "_self") return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
