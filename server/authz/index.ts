export * from "./permissions";
export * from "./roles";
export {
  decidePermission,
  decideReach,
  holds,
  chainIds,
  isInSubtree,
  permissionsBeyond,
  type Actor,
  type Decision,
  type DenialCode,
  type GroupFacts,
  type MemberFacts,
  type RoleFacts,
} from "./decision";
export * from "./members";
export * from "./data";
export * from "./groups";
export * from "./policies";
export * from "./resources";
export * from "./type-grants";
export * from "./tokens";
export * from "./principals";
export * from "./teams";
export * from "./custom-roles";
export * from "./role-sets";
export * from "./instance";
export * from "./export";
export * from "./reports";
