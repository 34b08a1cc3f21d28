import { Text } from "@react-email/components";
import { EmailLayout, text } from "./layout";

export type TwoFactorDisabledEmailProps = { name: string; organizationName: string; adminName: string; adminEmail: string; signInLink: string };

export const twoFactorDisabledSubject = () => "Two-factor sign-in was turned off for your Steward account";

export function TwoFactorDisabledEmail(p: TwoFactorDisabledEmailProps) {
  return (
    <EmailLayout
      brand={p.organizationName}
      preview="An administrator turned off your two-factor sign-in"
      heading="Your two-factor sign-in was turned off"
      footer={`If you did not ask for this, tell ${p.adminName} or another administrator of ${p.organizationName} at once.`}
    >
      <Text style={text}>
        {`Hello ${p.name}, ${p.adminName} (${p.adminEmail}), an administrator of ${p.organizationName}, turned off two-factor sign-in for your account and signed you out everywhere. Your recovery codes no longer work.`}
      </Text>
      <Text style={text}>{`Sign in at ${p.signInLink} with your password and set up two-factor sign-in again under 2FA.`}</Text>
    </EmailLayout>
  );
}
