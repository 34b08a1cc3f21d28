import { Text } from "@react-email/components";
import { Action, EmailLayout, text } from "./layout";

export type InvitationEmailProps = {
  organizationName: string;
  inviterName: string;
  inviterEmail: string;
  roleName: string;
  groupName: string;
  link: string;
  expiresAt: Date;
  existingAccount: boolean;
};

export function invitationSubject(p: InvitationEmailProps) {
  return `${p.inviterName} invited you to ${p.organizationName} on Steward`;
}

export function InvitationEmail(p: InvitationEmailProps) {
  return (
    <EmailLayout
      brand={p.organizationName}
      preview={`Join ${p.organizationName} as ${p.roleName}`}
      heading={`Join ${p.organizationName} on Steward`}
      footer={`If you did not expect this invitation you can ignore it; nothing happens until the link is opened. Questions about it go to ${p.inviterName} (${p.inviterEmail}).`}
    >
      <Text style={text}>
        {`${p.inviterName} (${p.inviterEmail}) invited you to join ${p.organizationName} with the role ${p.roleName}, in the group ${p.groupName}.`}
      </Text>
      <Text style={text}>
        {p.existingAccount
          ? "You already have a Steward account with this address: open the link and sign in to join."
          : "Open the link to choose your name and password and activate your account."}
      </Text>
      <Action href={p.link} label={p.existingAccount ? `Join ${p.organizationName}` : "Activate your account"} />
      <Text style={text}>{`The link works once and expires on ${formatDate(p.expiresAt)}.`}</Text>
    </EmailLayout>
  );
}

export function formatDate(d: Date) {
  return d.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}
