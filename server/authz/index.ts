export * from "./permissions";
export * from "./roles";
export * from "./decisions";
export * from "./resources";
export * from "./principals";
export * from "./teams";
export * from "./custom-roles";
export * from "./role-sets";
