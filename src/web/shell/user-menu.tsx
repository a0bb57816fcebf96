// The signed-in person: their account, sign out, and sign out of every device.
import { useState } from "react";
import { useI18n } from "../i18n.js";
import { useSession, useSignedIn } from "../session.js";
import { Link } from "../router.js";
import { Avatar } from "../ui/brand.js";
import { ConfirmDialog } from "../ui/dialog.js";
import { Icon } from "../ui/icon.js";
import { Popover } from "../ui/popover.js";
import { describeProblem } from "../forms.js";

export function UserMenu() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const { signOut, signOutEverywhere } = useSession();
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <Popover
        align="end"
        triggerClassName="user-button"
        trigger={
          <>
            <Avatar name={user.name} size="sm" />
            <span className="visually-hidden">{t("userMenu.label")} </span>
            <span className="user-button__name">{user.name}</span>
            <Icon name="chevrons" />
          </>
        }
      >
        {(close) => (
          <>
            <div className="popover__person">
              <span className="popover__person-name">{user.name}</span>
              <span className="popover__person-email">{user.email}</span>
            </div>
            <div className="popover__separator" />
            <Link to="/app/account" className="popover__item" onClick={close}>
              <Icon name="user" />
              <span className="popover__item-text">{t("nav.account")}</span>
            </Link>
            <button type="button" className="popover__item" onClick={() => void signOut()}>
              <Icon name="logOut" />
              <span className="popover__item-text">{t("userMenu.signOut")}</span>
            </button>
            <button
              type="button"
              className="popover__item"
              onClick={() => {
                close();
                setConfirming(true);
              }}
            >
              <Icon name="shield" />
              <span className="popover__item-text">{t("userMenu.signOutEverywhere")}</span>
            </button>
          </>
        )}
      </Popover>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t("signOutEverywhere.title")}
        description={t("signOutEverywhere.description")}
        confirmLabel={t("signOutEverywhere.confirm")}
        onConfirm={signOutEverywhere}
        describeError={(error) => describeProblem(t, error)}
      />
    </>
  );
}
