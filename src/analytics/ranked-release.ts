/** A release in a ranked list (best open models, chooser candidates): who made it, when, how big, how open. */
export interface RankedReleaseBase {
  rank: number;
  id: string;
  name: string;
  org: string;
  org_name: string;
  /** The lab's group: the top of its parent chain (alphabet for Google DeepMind), itself when it has no parent. */
  group: string;
  group_name: string;
  countries: string[];
  date: string;
  params_total: number | null;
  access: string;
  license: string | null;
}
