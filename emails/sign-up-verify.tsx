import { Text } from "@react-email/components";
import { formatDate } from "./invitation";
import { Action, EmailLayout, text } from "./layout";

export type SignUpVerifyEmailProps = { name: string; email: string; link: string; expiresAt: Date };

export const signUpVerifySubject = () => "Confirm your email address to finish signing up to Steward";

export function SignUpVerifyEmail(p: SignUpVerifyEmailProps) {
  return (
    <EmailLayout
      brand="Steward"
      preview="One click to create your Steward account"
      heading="Confirm your email address"
      footer="If you did not sign up, ignore this email: no account is created unless the link is opened and confirmed."
    >
      <Text
        style={text}
      >{`Hello ${p.name}, someone (we hope you) asked to create a Steward account for ${p.email}. Confirm that this address is yours to create it.`}</Text>
      <Action href={p.link} label="Create my account" />
      <Text style={text}>{`The link works once and expires on ${formatDate(p.expiresAt)}. Then sign in with your password and create your organization.`}</Text>
    </EmailLayout>
  );
}
