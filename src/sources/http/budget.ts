/**
 * A cap on the requests one run may make, attempts and retries included, shared by every fetch
 * of the run: a run against a misbehaving upstream stops instead of hammering it.
 */
export class RequestBudget {
  used = 0;
  constructor(readonly limit: number = Infinity) {}
  /** Takes one request from the budget; false when it is spent. */
  take(): boolean {
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }
}

export class BudgetExhausted extends Error {
  constructor(limit: number) {
    super(`the request budget of ${limit} request(s) is spent`);
    this.name = 'BudgetExhausted';
  }
}
