import { Text } from "@react-email/components";
import { Action, EmailLayout, text } from "./layout";

export type ResourceEventEmailProps = {
  organizationName: string;
  resourceName: string;
  resourceType: string;
  event: "run" | "restore" | "access";
  actorName: string;
  detail: string;
  link: string;
  /** Whether the recipient is a member (who can change their preferences) or a plain address on the ACL. */
  member: boolean;
};

const WHAT = { run: "was run", restore: "was restored from", access: "had its access changed" } as const;

export const resourceEventSubject = (p: ResourceEventEmailProps) => `${p.resourceName} ${WHAT[p.event]} by ${p.actorName}`;

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
      <Text
        style={text}
      >{`${p.actorName} ${p.event === "access" ? "changed who has access to" : p.event === "run" ? "started a run of" : "started a restore from"} the ${p.resourceType.toLowerCase()} ${p.resourceName}.`}</Text>
      {p.detail && <Text style={text}>{p.detail}</Text>}
      {p.member && <Action href={p.link} label={`Open ${p.resourceName}`} />}
    </EmailLayout>
  );
}
