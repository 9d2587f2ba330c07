// Type declarations for the SPDX helper packages, which ship none.
declare module 'spdx-expression-parse' {
  export type SpdxNode =
    | { license: string; plus?: boolean; exception?: string }
    | { left: SpdxNode; conjunction: 'and' | 'or'; right: SpdxNode };
  function parse(expression: string): SpdxNode;
  export default parse;
}

declare module 'spdx-satisfies' {
  function satisfies(candidate: string, allowed: string[]): boolean;
  export default satisfies;
}
