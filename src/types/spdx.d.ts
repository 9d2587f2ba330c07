// Type declarations for spdx-expression-parse, which ships none.
declare module 'spdx-expression-parse' {
  export type SpdxNode =
    | { license: string; plus?: boolean; exception?: string }
    | { left: SpdxNode; conjunction: 'and' | 'or'; right: SpdxNode };
  function parse(expression: string): SpdxNode;
  export default parse;
}
