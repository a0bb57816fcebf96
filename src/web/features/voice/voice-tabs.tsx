// The three pages of "what customers say" for admins: the analysis, imports and learned models.
// Members who cannot configure see only the analysis, so the links are not shown to them.
import { roleCan, type Role } from "../../../core/roles.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { orgPath } from "../../routes.js";
import { VoiceIcon, type VoiceIconName } from "./voice-icons.js";

export type VoiceTab = "analysis" | "import" | "models";

const tabs: Array<{ id: VoiceTab; path: string; icon: VoiceIconName }> = [
  { id: "analysis", path: "voice", icon: "quote" },
  { id: "import", path: "voice/import", icon: "upload" },
  { id: "models", path: "voice/models", icon: "brain" },
];

export const voicePath = (orgId: string, tab: VoiceTab = "analysis") => orgPath(orgId, tabs.find((t) => t.id === tab)!.path);

export function VoiceTabs({ orgId, role, current }: { orgId: string; role: Role | null; current: VoiceTab }) {
  const { t } = useI18n();
  if (role === null || !roleCan(role, "configure")) return null;
  return (
    <nav className="vc-tabs" aria-label={t("voice.tabs")}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link to={voicePath(orgId, tab.id)} className="vc-tabs__tab" aria-current={tab.id === current ? "page" : undefined}>
              <VoiceIcon name={tab.icon} size={15} />
              {t(`voice.tab.${tab.id}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
