/** License terms in plain words, one line per term; unknown terms say so rather than guess. */
export function describeTerms(terms: Record<string, unknown> | null): string[] {
  if (!terms) return ['no structured terms are registered for this license (add a file in data/licenses/)'];
  const lines: string[] = [];
  const u = (v: unknown) => v === 'unknown';
  const c = terms.commercial_use;
  lines.push(
    u(c) ? 'commercial use: unknown' : c === 'allowed' ? 'commercial use is allowed' : c === 'forbidden' ? 'commercial use is forbidden' : 'commercial use is allowed with conditions',
  );
  if (typeof terms.user_threshold === 'number')
    lines.push(`products above ${terms.user_threshold.toLocaleString('en')} monthly active users need a separate license`);
  else if (u(terms.user_threshold)) lines.push('user threshold: unknown');
  if (typeof terms.revenue_threshold_usd === 'number')
    lines.push(`companies above US$${terms.revenue_threshold_usd.toLocaleString('en')} annual revenue need a separate license`);
  if (terms.acceptable_use_policy === true) lines.push('an acceptable-use policy restricts what it may be used for');
  else if (u(terms.acceptable_use_policy)) lines.push('acceptable-use policy: unknown');
  const fields = terms.field_of_use_limits as string[] | undefined;
  if (fields?.length) lines.push(`forbidden uses: ${fields.join('; ')}`);
  if (terms.attribution_required === true) lines.push('attribution is required');
  if (typeof terms.naming_requirement === 'string') lines.push(`naming duty: "${terms.naming_requirement}"`);
  const territories = terms.territorial_exclusions as string[] | undefined;
  if (territories?.length) lines.push(`no rights granted in: ${territories.join(', ')}`);
  if (terms.output_training_limit === true) lines.push('outputs may not be used to train or improve other models');
  else if (u(terms.output_training_limit)) lines.push('limits on training other models with outputs: unknown');
  if (terms.share_alike === true) lines.push('derivatives must be shared under the same terms');
  if (terms.revocable === true) lines.push('the licensor can revoke or change the grant');
  else if (u(terms.revocable)) lines.push('revocability: unknown');
  return lines;
}
