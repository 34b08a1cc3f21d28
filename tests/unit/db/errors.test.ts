import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isForeignKeyViolation, isLostRace } from "@/server/db/errors";

// Shapes seen from Prisma 7 with @prisma/adapter-pg against a stopped, frozen and slow server.
const prismaError = (code: string, meta?: object) => Object.assign(new Error("Invalid `prisma.user.findFirst()` invocation"), { code, meta });

describe("database trouble", () => {
  it.each([
    ["an unreachable server", prismaError("P1001", { driverAdapterError: { cause: { kind: "DatabaseNotReachable", host: "db", port: 5432 } } })],
    ["a statement timeout", prismaError("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "57014" } } })],
    ["an expired transaction", prismaError("P2028")],
    ["an exhausted pool", prismaError("P2024")],
    ["a connection that never came", new Error("Connection terminated due to connection timeout")],
    ["a server that went silent", new Error("Query read timeout")],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a server shutting down", prismaError("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } })],
    ["a wrapped cause", Object.assign(new Error("outer"), { cause: prismaError("P1017") })],
  ])("is recognized: %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002")],
    ["NUL in text", prismaError("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "22021" } } })],
    ["a plain bug", new TypeError("x is undefined")],
    ["nothing", undefined],
  ])("is not confused with %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("tells lost races apart", () => {
    expect(["P2002", "P2003", "P2025", "P2034"].every((code) => isLostRace(prismaError(code)))).toBe(true);
    expect(isLostRace(prismaError("P1001"))).toBe(false);
  });
});

describe("foreign key violations", () => {
  it("are recognized from Prisma's code, PostgreSQL's SQLSTATE or the driver's kind, anywhere in the causes", () => {
    expect(isForeignKeyViolation({ code: "P2003" })).toBe(true);
    expect(isForeignKeyViolation({ code: "P2010", meta: { code: "23503" } })).toBe(true);
    expect(isForeignKeyViolation({ name: "DriverAdapterError", cause: { kind: "ForeignKeyConstraintViolation" } })).toBe(true);
    expect(isForeignKeyViolation({ cause: { originalCode: "23503" } })).toBe(true);
    expect(isForeignKeyViolation({ code: "P2002" })).toBe(false);
    expect(isForeignKeyViolation(new Error("23503"))).toBe(false);
    expect(isForeignKeyViolation(null)).toBe(false);
  });
});
