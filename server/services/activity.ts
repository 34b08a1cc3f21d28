// Runs, restores and the activity log (issue 6): start a run, report how it ended, and read
// the log, the chart and the runs report, each only over the resources the actor sees
// (`visibleResourcesSql`, which applies privacy and resource scope).
import { decideFinishRun, type ResourceAction, type RunOutcome } from "../authz";
import type { Db } from "../db";
import { Prisma as P } from "../db/generated/client";
import { accessOf, actorSubject, resourceInclude, toResourceFacts } from "./access";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";
import { notifyResourceEvent } from "./notifications";
import { openResource } from "./resources";
import { visibleResourcesSql } from "../authz/resources.sql";

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Starts a run of a job or task, or a restore from a storage. Steward carries out nothing
 * itself: the entry (who, what, when) stays RUNNING until whoever does the work reports
 * how it ended (`finishRun`).
 */
export async function actOnResource(db: Db, actor: ActorContext, input: { resourceId: string; action: ResourceAction; note?: string }) {
  return db.$transaction(async (tx) => {
    const { resource, subject } = await openResource(tx, actor, input.resourceId, input.action);
    const at = new Date();
    const entry = await tx.resourceActivity.create({
      data: {
        organizationId: actor.organizationId,
        resourceId: resource.id,
        actorUserId: actor.userId,
        actorName: subject.name,
        action: input.action,
        result: "RUNNING",
        detail: input.note ?? "",
        at,
        day: dayOf(at),
      },
    });
    await auditBy(tx, actor, { action: `resource.${input.action}`, targetType: "Resource", targetId: resource.id, after: { activityId: entry.id } });
    await notifyResourceEvent(tx, { ...actor, name: subject.name }, resource, { kind: input.action, phase: "started" }, input.note ?? "");
    return { activityId: entry.id, at };
  });
}

/**
 * Reports how a run or restore ended. It needs what starting it needed, and a run ends
 * once: the update is conditional, so of two reports at the same moment one wins and the
 * other is told the run already ended.
 */
export async function finishRun(db: Db, actor: ActorContext, input: { activityId: string; outcome: RunOutcome; output?: string }) {
  return db.$transaction(async (tx) => {
    const run = await tx.resourceActivity.findFirst({ where: { id: input.activityId, organizationId: actor.organizationId } });
    if (!run || (run.action !== "run" && run.action !== "restore")) throw notFound("Run");
    const subject = await actorSubject(tx, actor);
    const resource = await tx.resource.findFirstOrThrow({ where: { id: run.resourceId }, include: resourceInclude });
    const access = await accessOf(tx, subject, resource);
    enforce(decideFinishRun(access, toResourceFacts(resource), run.action), "Run");
    const finishedAt = new Date();
    const output = input.output ?? "";
    const { count } = await tx.resourceActivity.updateMany({
      where: { id: run.id, result: "RUNNING" },
      data: { result: input.outcome, finishedAt, finishedByName: subject.name, output },
    });
    if (count === 0) {
      const ended = await tx.resourceActivity.findUniqueOrThrow({ where: { id: run.id } });
      throw new StewardError(
        "CONFLICT",
        `This ${run.action} already ended: ${ended.finishedByName ?? "someone"} reported that it ${ended.result === "FAILED" ? "failed" : "succeeded"}.`,
      );
    }
    await auditBy(tx, actor, {
      action: `resource.${run.action}.finish`,
      targetType: "Resource",
      targetId: resource.id,
      before: { activityId: run.id, result: "RUNNING" },
      after: { activityId: run.id, result: input.outcome },
    });
    const phase = input.outcome === "FAILED" ? "failed" : "succeeded";
    await notifyResourceEvent(tx, { ...actor, name: subject.name }, resource, { kind: run.action, phase }, output);
    return { activityId: run.id, result: input.outcome, finishedAt };
  });
}

const activityRow = (a: P.ResourceActivityGetPayload<{ include: { resource: { select: { id: true; name: true; type: true } } } }>) => ({
  id: a.id,
  at: a.at,
  action: a.action,
  result: a.result,
  detail: a.detail,
  actorName: a.actorName,
  finishedAt: a.finishedAt,
  finishedByName: a.finishedByName,
  output: a.output,
  resource: a.resource,
});

/** Activity of the resources the actor sees (or of one of them), newest first. */
export async function listActivity(db: Db, actor: ActorContext, input: { resourceId?: string; page: number; pageSize: number }) {
  if (input.resourceId) await openResource(db, actor, input.resourceId);
  const subject = await actorSubject(db, actor);
  const where = P.sql`a."organizationId" = ${actor.organizationId} AND ${visibleResourcesSql(subject)} ${input.resourceId ? P.sql`AND a."resourceId" = ${input.resourceId}` : P.empty}`;
  const [page, counted] = await Promise.all([
    db.$queryRaw<
      Array<{ id: string }>
    >`SELECT a.id FROM "ResourceActivity" a JOIN "Resource" r ON r.id = a."resourceId" WHERE ${where} ORDER BY a.at DESC, a.id LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`,
    db.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM "ResourceActivity" a JOIN "Resource" r ON r.id = a."resourceId" WHERE ${where}`,
  ]);
  const found = await db.resourceActivity.findMany({
    where: { id: { in: page.map((p) => p.id) } },
    include: { resource: { select: { id: true, name: true, type: true } } },
  });
  const byId = new Map(found.map((a) => [a.id, a]));
  return {
    total: counted[0]?.total ?? 0,
    rows: page
      .map((p) => byId.get(p.id))
      .filter((a) => a !== undefined)
      .map(activityRow),
  };
}

/** Runs and restores per day over the last `days` days, by outcome, of the resources the actor sees. */
export async function activityChart(db: Db, actor: ActorContext, input: { resourceId?: string; days: number }) {
  if (input.resourceId) await openResource(db, actor, input.resourceId);
  const subject = await actorSubject(db, actor);
  const today = new Date();
  const days = Array.from({ length: input.days }, (_, i) => dayOf(new Date(today.getTime() - (input.days - 1 - i) * 86_400_000)));
  const counts = await db.$queryRaw<Array<{ day: string; succeeded: number; failed: number; running: number }>>`
    SELECT a.day,
           count(*) FILTER (WHERE a.result = 'SUCCEEDED')::int AS succeeded,
           count(*) FILTER (WHERE a.result = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE a.result = 'RUNNING')::int AS running
      FROM "ResourceActivity" a JOIN "Resource" r ON r.id = a."resourceId"
     WHERE a."organizationId" = ${actor.organizationId} AND a.day >= ${days[0]!} AND a.action IN ('run', 'restore') AND ${visibleResourcesSql(subject)}
       ${input.resourceId ? P.sql`AND a."resourceId" = ${input.resourceId}` : P.empty}
     GROUP BY a.day`;
  const byDay = new Map(counts.map((c) => [c.day, c]));
  return days.map((day) => {
    const c = byDay.get(day);
    return { day, succeeded: c?.succeeded ?? 0, failed: c?.failed ?? 0, running: c?.running ?? 0 };
  });
}

export const REPORT_SORTS = ["failed", "runs", "name", "last"] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

const REPORT_ORDER: Record<ReportSort, P.Sql> = {
  failed: P.sql`failed DESC, runs DESC, r.name, r.id`,
  runs: P.sql`runs DESC, r.name, r.id`,
  name: P.sql`r.name, r.id`,
  last: P.sql`"lastAt" DESC, r.name, r.id`,
};

/**
 * The runs report: per resource the actor sees, how many runs and restores started in the
 * last `days` days and how they ended, with the last one. One grouped query per page; the
 * resources without activity in the period are left out.
 */
export async function runsReport(db: Db, actor: ActorContext, input: { days: number; sort: ReportSort; page: number; pageSize: number }) {
  const subject = await actorSubject(db, actor);
  const since = new Date(Date.now() - input.days * 86_400_000);
  const where = P.sql`a."organizationId" = ${actor.organizationId} AND a.action IN ('run', 'restore') AND a.at >= ${since} AND ${visibleResourcesSql(subject)}`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<
      Array<{ id: string; name: string; type: string; runs: number; succeeded: number; failed: number; running: number; lastAt: Date; lastResult: string }>
    >`
      SELECT r.id, r.name, r.type,
             count(*)::int AS runs,
             count(*) FILTER (WHERE a.result = 'SUCCEEDED')::int AS succeeded,
             count(*) FILTER (WHERE a.result = 'FAILED')::int AS failed,
             count(*) FILTER (WHERE a.result = 'RUNNING')::int AS running,
             max(a.at) AS "lastAt",
             (array_agg(a.result ORDER BY a.at DESC, a.id DESC))[1] AS "lastResult"
        FROM "ResourceActivity" a JOIN "Resource" r ON r.id = a."resourceId"
       WHERE ${where}
       GROUP BY r.id, r.name, r.type
       ORDER BY ${REPORT_ORDER[input.sort]}
       LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`,
    db.$queryRaw<Array<{ total: number }>>`
      SELECT count(DISTINCT a."resourceId")::int AS total FROM "ResourceActivity" a JOIN "Resource" r ON r.id = a."resourceId" WHERE ${where}`,
  ]);
  return { total: counted[0]?.total ?? 0, since, rows };
}
