// The reports' list downloads (GET /o/[slug]/reports/[list]?group=<id>): every row of one list
// as CSV, read 1,000 at a time through reports.members or reports.invitations, so that the gate
// is the API's: same session, same organization, "Run reports", the group in reach. Not
// audited, like the report itself: it holds what the lists' pages show.
import type { Db } from "../db";
import type { ReportInvitationRow, ReportMemberRow } from "../services/reports";
import { requestContext } from "../trpc/request-context";
import { createCaller } from "../trpc/root";
import { download, plain, refusal, today } from "./download";

const PAGE = 1000;
const iso = (d: Date | null) => (d ? d.toISOString() : "");

const MEMBER_COLUMNS = ["name", "email", "role", "group", "status", "last_sign_in_utc", "two_factor", "member_since_utc"] as const;
const INVITATION_COLUMNS = ["email", "role", "group", "invited_by", "last_sent_utc", "expires_utc"] as const;

const memberRow = (r: ReportMemberRow) => ({
  name: r.name,
  email: r.email,
  role: r.role,
  group: r.group,
  status: r.status.toLowerCase(),
  last_sign_in_utc: iso(r.lastSignInAt),
  two_factor: r.twoFactor ? "on" : "off",
  member_since_utc: iso(r.createdAt),
});
const invitationRow = (r: ReportInvitationRow) => ({
  email: r.email,
  role: r.role,
  group: r.group,
  invited_by: r.invitedBy,
  last_sent_utc: iso(r.lastSentAt),
  expires_utc: iso(r.expiresAt),
});

/** The lists a report downloads, by their name in the address. */
export const REPORT_LISTS = {
  dormant: { members: "dormant" },
  "never-signed-in": { members: "neverSignedIn" },
  "not-enrolled": { members: "notEnrolled" },
  "pending-invitations": { invitations: "PENDING" },
  "expired-invitations": { invitations: "EXPIRED" },
} as const;
type ListName = keyof typeof REPORT_LISTS;
const isList = (list: string): list is ListName => Object.hasOwn(REPORT_LISTS, list);

export async function reportDownload(req: Request, slug: string, list: string, db: () => Db): Promise<Response> {
  if (!isList(list)) return plain(404, `There is no report list “${list}”. Choose one of: ${Object.keys(REPORT_LISTS).join(", ")}.`);
  const groupId = new URL(req.url).searchParams.get("group");
  if (!groupId) return plain(400, "Choose the group of the report: group=<the group's id>.");
  const what = `${list} report`;
  const filename = `${slug}-${list}-${today()}`;
  const which = REPORT_LISTS[list];
  try {
    const api = createCaller({ ...(await requestContext(req.headers, slug, db)), memo: new Map() });
    if ("members" in which) {
      const read = (cursor: string | null) => api.reports.members({ groupId, list: which.members, cursor, pageSize: PAGE });
      return download({ what, filename, format: "csv", columns: MEMBER_COLUMNS, first: await read(null), next: read, flat: memberRow });
    }
    const read = (cursor: string | null) => api.reports.invitations({ groupId, state: which.invitations, cursor, pageSize: PAGE });
    return download({ what, filename, format: "csv", columns: INVITATION_COLUMNS, first: await read(null), next: read, flat: invitationRow });
  } catch (err) {
    return refusal(err, what);
  }
}
