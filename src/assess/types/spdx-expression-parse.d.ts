// spdx-expression-parse ships no types; this describes the tree its parse function returns.
declare module 'spdx-expression-parse' {
  namespace parse {
    interface LicenseNode {
      license: string;
      plus?: true;
      exception?: string;
    }
    interface ConjunctionNode {
      left: Node;
      conjunction: 'and' | 'or';
      right: Node;
    }
    type Node = LicenseNode | ConjunctionNode;
  }
  /** Parses an SPDX license expression; throws on syntax errors and unknown SPDX ids. */
  function parse(source: string): parse.Node;
  export = parse;
}
