import { Text } from "@react-email/components";
import { Action, EmailLayout, text } from "./layout";

/** Seed 004's data migration, told to both people: the one whose resources moved ("from")
 * and the one who now owns them ("to"). */
export type DataMigratedEmailProps = {
  side: "from" | "to";
  name: string;
  otherName: string;
  organizationName: string;
  adminName: string;
  count: number;
  link: string;
};

const resources = (n: number) => `${n} resource${n === 1 ? "" : "s"}`;

export const dataMigratedSubject = (p: DataMigratedEmailProps) =>
  p.side === "from" ? `Your resources in ${p.organizationName} were moved to ${p.otherName}` : `You now own ${resources(p.count)} in ${p.organizationName}`;

export function DataMigratedEmail(p: DataMigratedEmailProps) {
  const moved = resources(p.count);
  return (
    <EmailLayout
      brand={p.organizationName}
      preview={p.side === "from" ? `${moved} you owned now belong to ${p.otherName}` : `${moved} of ${p.otherName}'s are now yours`}
      heading={p.side === "from" ? "Your resources were moved" : "You received resources"}
      footer={`If this looks wrong, ask ${p.adminName} or another administrator of ${p.organizationName}.`}
    >
      <Text style={text}>
        {p.side === "from"
          ? `Hello ${p.name}, ${p.adminName}, an administrator of ${p.organizationName}, moved the ${moved} you owned to ${p.otherName}, who is now their owner. Access others gave you on resources stays as it was.`
          : `Hello ${p.name}, ${p.adminName}, an administrator of ${p.organizationName}, moved the ${moved} ${p.otherName} owned to you. You are now their owner, with Administrator access.`}
      </Text>
      <Action href={p.link} label="Open your resources" />
    </EmailLayout>
  );
}
