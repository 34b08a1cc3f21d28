import { Text } from "@react-email/components";
import { formatDate } from "./invitation";
import { Action, EmailLayout, text } from "./layout";

export type PasswordResetEmailProps = { name: string; link: string; expiresAt: Date };

export const passwordResetSubject = () => "Reset your Steward password";

export function PasswordResetEmail(p: PasswordResetEmailProps) {
  return (
    <EmailLayout
      brand="Steward"
      preview="A link to choose a new password"
      heading="Reset your password"
      footer="If you did not ask for this, ignore this email: your password stays as it is. Someone may have typed your address by mistake."
    >
      <Text style={text}>{`Hello ${p.name}, someone (we hope you) asked to reset the password of your Steward account.`}</Text>
      <Action href={p.link} label="Choose a new password" />
      <Text style={text}>{`The link works once and expires on ${formatDate(p.expiresAt)}. Choosing a new password signs you out of every browser.`}</Text>
    </EmailLayout>
  );
}
