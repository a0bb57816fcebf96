// The device class of a response from its User-Agent string: enough to segment by phone, tablet and
// desktop and to keep bots out of the scores, with no device database and no fingerprinting.
import { formLimits } from "../forms/limits.js";

export const deviceClasses = ["phone", "tablet", "desktop", "bot", "unknown"] as const;
export type DeviceClass = (typeof deviceClasses)[number];

// Crawlers, link previewers, uptime checkers, headless browsers and HTTP libraries.
const bot =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|preview|headless|phantomjs|lighthouse|pingdom|uptime|monitor|curl\/|wget\/|python-requests|python-urllib|aiohttp|httpx|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|libwww|scrapy|postman|insomnia|httpclient|whatsapp\/|telegrambot|discordbot/i;
// Phone makers whose names end in "bot" and so look like crawlers.
const botLookalikes = /cubot/gi;

/**
 * Classifies a User-Agent string. Order matters: bots first; Windows Phone before Android (its
 * string mentions Android); tablets (iPad, Android without "Mobile", Kindle/Silk, "Tablet") before
 * phones (iPhone, Android Mobile, "Mobile"); then desktops (Windows, macOS, Linux, ChromeOS).
 * iPadOS in desktop mode reports itself as a Mac and is counted as desktop: the string cannot tell.
 */
export function classifyDevice(userAgent: string | null | undefined): DeviceClass {
  const ua = (userAgent ?? "").slice(0, formLimits.userAgentMax).trim();
  if (ua === "") return "unknown";
  if (bot.test(ua.replace(botLookalikes, ""))) return "bot";
  if (/windows phone|iemobile|wpdesktop/i.test(ua)) return "phone";
  if (/ipad|tablet|kindle|silk\/|playbook|nexus (7|9|10)\b/i.test(ua)) return "tablet";
  if (/android/i.test(ua)) return /mobile/i.test(ua) ? "phone" : "tablet";
  if (/iphone|ipod|mobile|opera mini|blackberry|bb10|kaios|symbian|nokia/i.test(ua)) return "phone";
  if (/windows nt|macintosh|mac os x|x11|linux|cros|freebsd|openbsd/i.test(ua)) return "desktop";
  return "unknown";
}
