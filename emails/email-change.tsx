import { Text } from "@react-email/components";
import { formatDate } from "./invitation";
import { Action, EmailLayout, text } from "./layout";

export type EmailChangeEmailProps = { name: string; oldEmail: string; newEmail: string; link: string; expiresAt: Date };

export const emailChangeSubject = () => "Confirm your new email address for Steward";

/** Sent to the new address: the change happens only once its owner opens the link. */
export function EmailChangeEmail(p: EmailChangeEmailProps) {
  return (
    <EmailLayout
      brand="Steward"
      preview="Confirm your new email address"
      heading="Confirm your new email address"
      footer="If you did not ask for this, ignore this email: nothing changes until the link is opened."
    >
      <Text style={text}>{`Hello ${p.name}, you asked to sign in to Steward with ${p.newEmail} instead of ${p.oldEmail}.`}</Text>
      <Action href={p.link} label="Confirm this address" />
      <Text style={text}>{`The link works once and expires on ${formatDate(p.expiresAt)}.`}</Text>
    </EmailLayout>
  );
}

export type EmailChangedNoticeProps = { name: string; oldEmail: string; newEmail: string; pending: boolean };

export const emailChangedNoticeSubject = (p: EmailChangedNoticeProps) =>
  p.pending ? "A change of your Steward email address was requested" : "Your Steward email address was changed";

/** Sent to the old address, so that a takeover does not go unnoticed. */
export function EmailChangedNotice(p: EmailChangedNoticeProps) {
  return (
    <EmailLayout
      brand="Steward"
      preview={emailChangedNoticeSubject(p)}
      heading={emailChangedNoticeSubject(p)}
      footer="If this was not you, change your password at once and tell your organization's administrator."
    >
      <Text style={text}>
        {p.pending
          ? `Hello ${p.name}, someone signed in as you asked to move your Steward account from ${p.oldEmail} to ${p.newEmail}. It changes only if the new address is confirmed.`
          : `Hello ${p.name}, your Steward account now signs in with ${p.newEmail} instead of ${p.oldEmail}.`}
      </Text>
    </EmailLayout>
  );
}
