// Español · English · Português, each named in its own language; the current one is pressed.
import { languages, type Language } from "../../core/i18n/languages.js";
import { useI18n } from "../i18n.js";
import { useSession } from "../session.js";
import { useToast } from "../ui/toast.js";

const names: Record<Language, string> = { es: "Español", en: "English", pt: "Português" };

export function LanguageSwitch() {
  const { language, t } = useI18n();
  const { changeLanguage } = useSession();
  const toast = useToast();
  return (
    <div className="segmented" role="group" aria-label={t("language.label")}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="segmented__option"
          aria-pressed={code === language}
          onClick={() => changeLanguage(code).catch(() => toast(t("language.notSaved")))}
        >
          <span aria-hidden="true">{code.toUpperCase()}</span>
          <span className="visually-hidden">{names[code]}</span>
        </button>
      ))}
    </div>
  );
}
