import { Text } from "@react-email/components";
import type { ResourceEvent } from "@/server/authz";
import { Action, EmailLayout, text } from "./layout";

export type ResourceEventEmailProps = {
  organizationName: string;
  resourceName: string;
  resourceType: string;
  event: ResourceEvent;
  actorName: string;
  /** A run's note or output, or an access change's summary. */
  detail: string;
  link: string;
  /** Whether the recipient is a member (who can change their preferences) or a plain address on the ACL. */
  member: boolean;
};

const NOUN = { run: "run", restore: "restore" } as const;

export function resourceEventSubject(p: ResourceEventEmailProps): string {
  if (p.event.kind === "access") return `${p.resourceName} had its access changed by ${p.actorName}`;
  const noun = NOUN[p.event.kind];
  if (p.event.phase === "started") return `${p.resourceName}: ${noun} started by ${p.actorName}`;
  return `${p.resourceName}: ${noun} ${p.event.phase === "failed" ? "failed" : "succeeded"}`;
}

function sentence(p: ResourceEventEmailProps): string {
  const what = `the ${p.resourceType.toLowerCase()} ${p.resourceName}`;
  if (p.event.kind === "access") return `${p.actorName} changed who has access to ${what}.`;
  const noun = p.event.kind === "run" ? "A run of" : "A restore from";
  if (p.event.phase === "started") return `${p.actorName} started ${noun.toLowerCase()} ${what}.`;
  return `${noun} ${what} ${p.event.phase === "failed" ? "failed" : "succeeded"}, as ${p.actorName} reported.`;
}

/** Seed 001: events of a resource go to everyone on its ACL and to the email addresses on it. */
export function ResourceEventEmail(p: ResourceEventEmailProps) {
  return (
    <EmailLayout
      brand={p.organizationName}
      preview={resourceEventSubject(p)}
      heading={resourceEventSubject(p)}
      footer={
        p.member
          ? "You get this because you are on this resource's access list. Choose which events you are emailed about under Notifications in Steward."
          : `This address is on the notification list of ${p.resourceName} in ${p.organizationName}. Ask its administrators to remove it if you no longer want these emails.`
      }
    >
      <Text style={text}>{sentence(p)}</Text>
      {p.detail && <Text style={{ ...text, whiteSpace: "pre-wrap" }}>{p.detail}</Text>}
      {p.member && <Action href={p.link} label={`Open ${p.resourceName}`} />}
    </EmailLayout>
  );
}
