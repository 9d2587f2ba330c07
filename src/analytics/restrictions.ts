/**
 * A weights license's restrictions in plain words, for the chooser. Only what the structured
 * terms say; a term no source states is reported as unknown, never assumed.
 */
export interface Terms {
  commercial_use?: string;
  user_threshold?: number | null | 'unknown';
  revenue_threshold_usd?: number | null | 'unknown';
  acceptable_use_policy?: boolean | 'unknown';
  field_of_use_limits?: string[];
  attribution_required?: boolean | 'unknown';
  naming_requirement?: string | null;
  territorial_exclusions?: string[];
  output_training_limit?: boolean | 'unknown';
  share_alike?: boolean | 'unknown';
  revocable?: boolean | 'unknown';
}

export function restrictionsInPlainWords(terms: Terms | null, opts: { license: string | null; gated: boolean }): string[] {
  const out: string[] = [];
  if (opts.gated) out.push('weights download only after accepting terms or an approval on the Hub');
  if (!opts.license) return [...out, 'no license is stated for the weights'];
  if (!terms) return [...out, `the terms of ${opts.license} are not registered, so its restrictions are unknown`];
  if (terms.commercial_use === 'forbidden') out.push('no commercial use');
  else if (terms.commercial_use === 'conditional') out.push('commercial use only under conditions');
  else if (terms.commercial_use === 'unknown') out.push('whether commercial use is allowed is unknown');
  if (typeof terms.user_threshold === 'number') out.push(`products above ${terms.user_threshold.toLocaleString('en')} monthly active users need a separate license`);
  if (typeof terms.revenue_threshold_usd === 'number') out.push(`companies above US$${terms.revenue_threshold_usd.toLocaleString('en')} annual revenue need a separate license`);
  if (terms.acceptable_use_policy === true) out.push('an acceptable-use policy limits what it may be used for');
  if (terms.field_of_use_limits?.length) out.push(`forbidden uses: ${terms.field_of_use_limits.join('; ')}`);
  if (terms.territorial_exclusions?.length) out.push(`no rights granted in: ${terms.territorial_exclusions.join(', ')}`);
  if (terms.output_training_limit === true) out.push('outputs may not be used to train or improve other models');
  if (terms.share_alike === true) out.push('derivatives must be shared under the same terms');
  if (terms.naming_requirement) out.push(`naming duty: "${terms.naming_requirement}"`);
  else if (terms.attribution_required === true) out.push('attribution required');
  if (terms.revocable === true) out.push('the licensor can revoke or change the grant');
  return out;
}
