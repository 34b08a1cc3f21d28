/** The pages of one's own account, linked from the console's sidebar and the cards outside it. */
export const ACCOUNT_LINKS = [
  { href: "/account/password", label: "Password" },
  { href: "/account/email", label: "Email" },
  { href: "/account/security", label: "2FA" },
  { href: "/account/sessions", label: "Sessions" },
  { href: "/account/notifications", label: "Notifications" },
  { href: "/account/organizations", label: "Organizations" },
] as const;
