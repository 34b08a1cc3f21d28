// Email settings from the environment (docs/operations.md): SMTP_URL picks the SMTP server;
// without it, emails go to the built-in mailbox and the log.

export function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

export function smtpUrl(): string | null {
  return process.env.SMTP_URL?.trim() || null;
}

export function emailFrom(): string {
  const configured = process.env.EMAIL_FROM?.trim();
  if (configured) return configured;
  return `Steward <steward@${new URL(appUrl()).hostname}>`;
}
