// Sent instead of a sign-up link when the address already has an account: the sign-up page
// answers the same either way, so that it does not tell strangers who is registered.
import { Text } from "@react-email/components";
import { EmailLayout, text } from "./layout";

export type SignUpExistingEmailProps = { name: string; email: string; signInLink: string; resetLink: string };

export const signUpExistingSubject = () => "Someone tried to sign up to Steward with your address";

export function SignUpExistingEmail(p: SignUpExistingEmailProps) {
  return (
    <EmailLayout
      brand="Steward"
      preview="You already have a Steward account"
      heading="You already have an account"
      footer="If this was not you, ignore this email: nothing changed, and no new account was created. Someone may have typed your address by mistake."
    >
      <Text
        style={text}
      >{`Hello ${p.name}, someone (perhaps you) tried to sign up to Steward with ${p.email}. This address already has an account, so no new one was created.`}</Text>
      <Text style={text}>{`To use your account, sign in at ${p.signInLink}. If you forgot your password, choose a new one at ${p.resetLink}.`}</Text>
    </EmailLayout>
  );
}
