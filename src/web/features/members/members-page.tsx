// Who is in the organisation, with which role. Owners invite (by link, with a role), change roles,
// remove members and revoke pending invitations; everyone else reads the list, and anyone may leave.
import { useCallback, useEffect, useState } from "react";
import { roleCan, type Role } from "../../../core/roles.js";
import { api, type Invitation, type Member } from "../../api.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { navigate } from "../../router.js";
import type { OrgPageProps } from "../../routes.js";
import { useSession, useSignedIn } from "../../session.js";
import { Avatar, RoleBadge } from "../../ui/brand.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { Icon } from "../../ui/icon.js";
import { EmptyState, PageHeader, Panel, Spinner } from "../../ui/page.js";
import { useToast } from "../../ui/toast.js";
import { InviteDialog } from "./invite-dialog.js";
import { rolesByRank } from "./roles.js";


type Pending = { kind: "remove"; member: Member } | { kind: "leave"; member: Member } | { kind: "revoke"; invitation: Invitation } | null;

export function MembersPage({ organisation }: OrgPageProps) {
  const { t, tn, formatDate, formatRelative } = useI18n();
  const { user } = useSignedIn();
  const { refresh } = useSession();
  const toast = useToast();
  const isOwner = organisation.role !== null && roleCan(organisation.role, "manage_members");
  const [members, setMembers] = useState<Member[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [changingRole, setChangingRole] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [memberList, invitationList] = await Promise.all([
        api.listMembers(organisation.id),
        isOwner ? api.listInvitations(organisation.id) : Promise.resolve({ items: [] }),
      ]);
      setMembers(memberList.items);
      setInvitations(invitationList.items);
      setLoadError(null);
    } catch (error) {
      setLoadError(describeProblem(t, error));
    }
    // `t` is left out on purpose: a change of language must not reload the lists.
  }, [organisation.id, isOwner]);

  useEffect(() => {
    void load();
  }, [load]);

  const changeRole = async (member: Member, role: Role) => {
    setActionError(null);
    setChangingRole(member.userId);
    try {
      const updated = await api.changeRole(organisation.id, member.userId, role);
      setMembers((current) => current?.map((m) => (m.userId === updated.userId ? updated : m)) ?? null);
      toast(t("members.roleChanged", { name: member.name, role: t(`role.${role}`) }));
      if (member.userId === user.id) await refresh();
    } catch (error) {
      setActionError(describeProblem(t, error));
    } finally {
      setChangingRole(null);
    }
  };

  const confirmPending = async () => {
    if (!pending) return;
    if (pending.kind === "revoke") {
      await api.revokeInvitation(organisation.id, pending.invitation.id);
      toast(t("members.invitationRevoked"));
      await load();
    } else if (pending.kind === "remove") {
      await api.removeMember(organisation.id, pending.member.userId);
      toast(t("members.removed", { name: pending.member.name }));
      await load();
    } else {
      await api.removeMember(organisation.id, user.id);
      await refresh();
      navigate("/app/", { replace: true });
    }
  };

  if (loadError) {
    return (
      <>
        <PageHeader title={t("nav.members")} />
        <Callout tone="danger">{loadError}</Callout>
      </>
    );
  }
  if (!members || !invitations) return <Spinner label={t("common.loading")} />;

  return (
    <>
      <PageHeader
        title={t("nav.members")}
        description={t("members.description", { organisation: organisation.name })}
        actions={
          isOwner ? (
            <Button variant="primary" icon="plus" onClick={() => setInviting(true)}>
              {t("members.invite")}
            </Button>
          ) : null
        }
      />
      {!isOwner ? <Callout tone="info">{t("members.readOnly")}</Callout> : null}
      {actionError ? <Callout tone="danger">{actionError}</Callout> : null}

      <Panel title={t("members.listTitle")} description={tn("members.count", members.length)} labelledBy="members-title" flush>
        <table className="table">
          <caption className="visually-hidden">{t("members.listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.column.person")}</th>
              <th scope="col">{t("members.column.role")}</th>
              <th scope="col">{t("members.column.joined")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const isMe = member.userId === user.id;
              return (
                <tr key={member.userId}>
                  <td>
                    <div className="person">
                      <Avatar name={member.name} />
                      <div className="person__text">
                        <span className="person__name">
                          {member.name}
                          {isMe ? <span className="person__you">{t("members.you")}</span> : null}
                        </span>
                        <span className="person__email">{member.email}</span>
                      </div>
                    </div>
                  </td>
                  <td>
                    {isOwner ? (
                      <div className="inline-select">
                        <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                          {t("members.roleOf", { name: member.name })}
                        </label>
                        <select
                          id={`role-${member.userId}`}
                          className="input select input--compact"
                          value={member.role}
                          disabled={changingRole === member.userId}
                          onChange={(event) => void changeRole(member, event.target.value as Role)}
                        >
                          {rolesByRank.map((role) => (
                            <option key={role} value={role}>
                              {t(`role.${role}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : (
                      <RoleBadge role={member.role} />
                    )}
                  </td>
                  <td className="table__muted">{formatDate(member.joinedAt)}</td>
                  <td className="table__actions">
                    {isMe ? (
                      <Button size="sm" variant="ghost" onClick={() => setPending({ kind: "leave", member })}>
                        {t("members.leave")}
                      </Button>
                    ) : isOwner ? (
                      <Button size="sm" variant="ghost" icon="trash" onClick={() => setPending({ kind: "remove", member })}>
                        {t("members.remove")}
                        <span className="visually-hidden"> {member.name}</span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Panel>

      {isOwner ? (
        <Panel title={t("members.pendingTitle")} description={t("members.pendingDescription")} labelledBy="invitations-title" flush>
          {invitations.length === 0 ? (
            <EmptyState icon={<Icon name="mail" size={20} />} title={t("members.noPending")} />
          ) : (
            <table className="table">
              <caption className="visually-hidden">{t("members.pendingTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("members.column.invited")}</th>
                  <th scope="col">{t("members.column.role")}</th>
                  <th scope="col">{t("members.column.sent")}</th>
                  <th scope="col">{t("members.column.expires")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>
                      <span className="with-icon">
                        <Icon name={invitation.email ? "mail" : "link"} />
                        {invitation.email ?? t("members.anyoneWithLink")}
                      </span>
                    </td>
                    <td>
                      <RoleBadge role={invitation.role} />
                    </td>
                    <td className="table__muted">{formatDate(invitation.createdAt)}</td>
                    <td className="table__muted">{formatRelative(invitation.expiresAt)}</td>
                    <td className="table__actions">
                      <Button size="sm" variant="ghost" onClick={() => setPending({ kind: "revoke", invitation })}>
                        {t("members.revoke")}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      ) : null}

      <InviteDialog open={inviting} organisation={organisation} onClose={() => setInviting(false)} onInvited={() => void load()} />
      <ConfirmDialog
        open={pending !== null}
        onClose={() => setPending(null)}
        title={
          pending?.kind === "revoke"
            ? t("members.revokeTitle")
            : pending?.kind === "leave"
              ? t("members.leaveTitle", { organisation: organisation.name })
              : t("members.removeTitle", { name: pending?.member.name ?? "" })
        }
        description={
          pending?.kind === "revoke"
            ? t("members.revokeText")
            : pending?.kind === "leave"
              ? t("members.leaveText")
              : t("members.removeText", { organisation: organisation.name })
        }
        confirmLabel={pending?.kind === "revoke" ? t("members.revoke") : pending?.kind === "leave" ? t("members.leave") : t("members.remove")}
        onConfirm={confirmPending}
        describeError={(error) => describeProblem(t, error)}
      />
    </>
  );
}
