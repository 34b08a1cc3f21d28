// Every email Steward sends, by kind. Each renders to HTML and a plain-text part.
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import {
  EmailChangedNotice,
  EmailChangeEmail,
  emailChangedNoticeSubject,
  emailChangeSubject,
  type EmailChangedNoticeProps,
  type EmailChangeEmailProps,
} from "./email-change";
import { DataMigratedEmail, dataMigratedSubject, type DataMigratedEmailProps } from "./data-migrated";
import { InvitationEmail, invitationSubject, type InvitationEmailProps } from "./invitation";
import { ResourceEventEmail, resourceEventSubject, type ResourceEventEmailProps } from "./resource-event";
import { PasswordResetEmail, passwordResetSubject, type PasswordResetEmailProps } from "./password-reset";
import { SignUpExistingEmail, signUpExistingSubject, type SignUpExistingEmailProps } from "./sign-up-existing";
import { SignUpVerifyEmail, signUpVerifySubject, type SignUpVerifyEmailProps } from "./sign-up-verify";
import { TwoFactorDisabledEmail, twoFactorDisabledSubject, type TwoFactorDisabledEmailProps } from "./two-factor-disabled";

export type EmailMessage =
  | { kind: "invitation"; props: InvitationEmailProps }
  | { kind: "password-reset"; props: PasswordResetEmailProps }
  | { kind: "email-change"; props: EmailChangeEmailProps }
  | { kind: "email-changed"; props: EmailChangedNoticeProps }
  | { kind: "sign-up-verify"; props: SignUpVerifyEmailProps }
  | { kind: "sign-up-existing"; props: SignUpExistingEmailProps }
  | { kind: "two-factor-disabled"; props: TwoFactorDisabledEmailProps }
  | { kind: "resource-event"; props: ResourceEventEmailProps }
  | { kind: "data-migrated"; props: DataMigratedEmailProps };

export type EmailKind = EmailMessage["kind"];

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  /** The call to action, printed to the log when there is no SMTP server. */ link: string | null;
};

function compose(message: EmailMessage): { subject: string; element: ReactElement; link: string | null } {
  switch (message.kind) {
    case "invitation":
      return { subject: invitationSubject(message.props), element: <InvitationEmail {...message.props} />, link: message.props.link };
    case "password-reset":
      return { subject: passwordResetSubject(), element: <PasswordResetEmail {...message.props} />, link: message.props.link };
    case "email-change":
      return { subject: emailChangeSubject(), element: <EmailChangeEmail {...message.props} />, link: message.props.link };
    case "email-changed":
      return { subject: emailChangedNoticeSubject(message.props), element: <EmailChangedNotice {...message.props} />, link: null };
    case "sign-up-verify":
      return { subject: signUpVerifySubject(), element: <SignUpVerifyEmail {...message.props} />, link: message.props.link };
    case "sign-up-existing":
      return { subject: signUpExistingSubject(), element: <SignUpExistingEmail {...message.props} />, link: null };
    case "two-factor-disabled":
      return { subject: twoFactorDisabledSubject(), element: <TwoFactorDisabledEmail {...message.props} />, link: null };
    case "data-migrated":
      return { subject: dataMigratedSubject(message.props), element: <DataMigratedEmail {...message.props} />, link: message.props.link };
    case "resource-event":
      return {
        subject: resourceEventSubject(message.props),
        element: <ResourceEventEmail {...message.props} />,
        link: message.props.member ? message.props.link : null,
      };
  }
}

export async function renderEmail(message: EmailMessage): Promise<RenderedEmail> {
  const { subject, element, link } = compose(message);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text, link };
}
