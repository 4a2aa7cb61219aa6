/**
 * Description templates in config/tasking.json and config/playbooks.json. Placeholders are a closed
 * list so a typo such as `{titel}` is caught when the config loads, not shown to a partner.
 */
export const TEMPLATE_PLACEHOLDERS = ['title', 'ref', 'regions', 'gaps'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export interface TemplateThreat {
  ref: string;
  title: string;
  regions: readonly string[];
  intelligenceGaps: readonly string[];
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Placeholders used in `template` that are not in TEMPLATE_PLACEHOLDERS. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !known.has(name));
}

/** Fills a template from a threat. Empty lists read "not specified" rather than leaving a blank. */
export function fillTemplate(template: string, threat: TemplateThreat): string {
  const values: Record<TemplatePlaceholder, string> = {
    title: threat.title,
    ref: threat.ref,
    regions: threat.regions.length ? threat.regions.join(', ') : 'not specified',
    gaps: threat.intelligenceGaps.length ? threat.intelligenceGaps.join('; ') : 'not specified',
  };
  // A single pass, so a threat title that itself contains "{ref}" is not expanded again.
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name as TemplatePlaceholder] : whole,
  );
}
